/**
 * Getting in without a password: accepting an invitation (the first password) and "wachtwoord vergeten".
 * Both work with a one-time link that only the person's mailbox receives (tokens.ts). A reset ends every session
 * of the user; the answer to a reset request is the same, and as fast, for unknown addresses (no enumeration).
 */
import type { Request } from 'express';
import type { Types } from 'mongoose';
import { User } from '../db/models/user';
import { badRequest, conflict } from '../http/problem';
import { enqueueMail } from '../modules/mail/outbox';
import { invitationMail, passwordResetMail } from '../modules/mail/templates';
import { auditAuth } from './auditAuth';
import { hashPassword, passwordProblem } from './passwords';
import { issueToken, openToken, redeemToken } from './tokens';

export const INVITATION_VALID_DAYS = 7;
export const RESET_VALID_MINUTES = 30;
/** A new reset mail for the same account at most this often (a mailbox is not a target for flooding). */
const RESET_MAIL_INTERVAL_MS = 60 * 1000;

export const RESET_REQUESTED =
  'Als dit e-mailadres bij ons bekend is, ontvangt u binnen enkele minuten een e-mail met een link om een nieuw wachtwoord te kiezen.';
const LINK_INVALID = 'Deze link is ongeldig, verlopen of al gebruikt.';

/** Issues a new invitation token (any earlier one stops working) and queues the mail with the link. */
export async function sendInvitation(user: { _id: Types.ObjectId; email: string }): Promise<Date> {
  const { token, expiresAt } = await issueToken(user._id, 'invitation', INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000);
  await enqueueMail(user.email, invitationMail(token, INVITATION_VALID_DAYS));
  return expiresAt;
}

function requireStrongPassword(password: string) {
  const problem = passwordProblem(password);
  if (problem) throw badRequest(problem, [{ field: 'body.password', message: problem }]);
}

/** The invitee sets a first password with the token from the mail. Not while someone is signed in here. */
export async function acceptInvitation(req: Request, token: string, password: string): Promise<{ email: string }> {
  if (req.session?.userId) {
    throw conflict('U bent al ingelogd. Log eerst uit en open de link uit de e-mail opnieuw.');
  }
  requireStrongPassword(password);
  const userId = await redeemToken(token, 'invitation');
  const user = userId ? await User.findById(userId) : null;
  if (!user || user.disabled || user.passwordHash) {
    await auditAuth(req, null, 'password_change', 'denied', 'uitnodiging ongeldig, verlopen of al gebruikt');
    throw badRequest(`${LINK_INVALID} Vraag de beheerder om een nieuwe uitnodiging.`);
  }
  await User.updateOne({ _id: user._id }, { passwordHash: await hashPassword(password), $inc: { authVersion: 1 } });
  await auditAuth(req, user, 'password_change', 'allowed', 'uitnodiging aangenomen, eerste wachtwoord gekozen');
  return { email: user.email };
}

/**
 * "Wachtwoord vergeten": runs after the answer has gone out, so a known and an unknown address cannot be told
 * apart by the answer or its timing.
 */
export async function requestPasswordReset(req: Request, email: string): Promise<void> {
  const user = await User.findOne({ email: email.trim().toLowerCase() });
  if (!user || user.disabled || !user.passwordHash) {
    await auditAuth(req, null, 'password_change', 'denied', 'herstellink gevraagd voor een onbekend of inactief e-mailadres');
    return;
  }
  const open = await openToken(user._id, 'password_reset');
  const createdAt = (open as { createdAt?: Date } | null)?.createdAt;
  if (createdAt && Date.now() - createdAt.getTime() < RESET_MAIL_INTERVAL_MS) {
    await auditAuth(req, user, 'password_change', 'denied', 'herstellink kort na de vorige opnieuw gevraagd');
    return;
  }
  const { token } = await issueToken(user._id, 'password_reset', RESET_VALID_MINUTES * 60 * 1000);
  await enqueueMail(user.email, passwordResetMail(token, RESET_VALID_MINUTES));
  await auditAuth(req, user, 'password_change', 'allowed', 'herstellink per e-mail verstuurd');
}

/** A new password with the reset link: once, within its half hour; every session of the user ends. */
export async function resetPassword(req: Request, token: string, password: string): Promise<void> {
  requireStrongPassword(password);
  const userId = await redeemToken(token, 'password_reset');
  const user = userId ? await User.findById(userId) : null;
  if (!user || user.disabled) {
    await auditAuth(req, null, 'password_change', 'denied', 'herstellink ongeldig, verlopen of al gebruikt');
    throw badRequest(`${LINK_INVALID} Vraag een nieuwe aan via "Wachtwoord vergeten".`);
  }
  await User.updateOne({ _id: user._id }, { passwordHash: await hashPassword(password), $inc: { authVersion: 1 } });
  if (req.session?.userId) await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
  await auditAuth(req, user, 'password_change', 'allowed', 'wachtwoord hersteld via e-mail; alle sessies beëindigd');
}

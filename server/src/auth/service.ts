/**
 * Signing in, two-factor, signing out and changing one's password. Routes stay thin; the rules live here.
 */
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { Config } from '../config';
import { User } from '../db/models/user';
import { badRequest, conflict, lockedUntil as lockProblem, unauthorized } from '../http/problem';
import { open, seal } from '../crypto/masterKeySeal';
import { auditAuth } from './auditAuth';
import { acceptTotp, enrolmentQr, hashRecoveryCode, isMfaMandatory, newRecoveryCodes, newTotpSecret } from './mfa';
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from './passwords';
import { beginAttempt, loginLimits, succeedAttempt, type AttemptLimit } from './throttle';
import { sessionUser, type SessionUser } from './actor';
import type { Role } from '@spoorboek/shared/domain';
import type { SelfView } from '@spoorboek/shared/schemas/auth';

const INVALID_CREDENTIALS = 'E-mailadres of wachtwoord onjuist.';

/** Wrong guesses allowed per 15 minutes at the second step (ASVS 5 §6.3: the same care as the password step). */
export const SECOND_STEP_LIMITS = { account: 5, session: 3 } as const;

/** What a second-step guess is counted against: the account, and this session (its id hashed: ids are secrets). */
function secondStepLimits(kind: 'mfa' | 'password', req: Request, userId: unknown): AttemptLimit[] {
  const session = createHash('sha256').update(req.sessionID).digest('base64url');
  return [
    { key: `${kind}:account:${String(userId)}`, limit: SECOND_STEP_LIMITS.account },
    { key: `${kind}:session:${session}`, limit: SECOND_STEP_LIMITS.session },
  ];
}

passport.use(
  new LocalStrategy({ usernameField: 'email', passwordField: 'password', session: false }, (email, password, done) => {
    void (async () => {
      const user = await User.findOne({ email: email.trim().toLowerCase() });
      // Unknown accounts are checked against a dummy hash: same answer, about the same time.
      const valid = await verifyPassword(user?.passwordHash, password);
      if (!user || !valid || user.disabled) return done(null, false);
      if (user.passwordHash && needsRehash(user.passwordHash)) {
        await User.updateOne({ _id: user._id }, { passwordHash: await hashPassword(password) });
      }
      return done(null, user);
    })().catch(done);
  }),
);

function authenticate(req: Request): Promise<SessionUser | null> {
  return new Promise((resolve, reject) => {
    passport.authenticate('local', { session: false }, (error: unknown, user: SessionUser | false) => {
      if (error) reject(error);
      else resolve(user || null);
    })(req);
  });
}

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((error) => (error ? reject(error) : resolve())));
}

/**
 * The signed-in user's own account (USER_SELF_FIELDS, which the policy lets everyone read of themselves): the
 * answer to sign-in, the second step and /me, also before the session has an actor.
 */
export function selfView(user: SessionUser): SelfView {
  return {
    _id: String(user._id), email: user.email, name: user.name, roles: user.roles as SelfView['roles'],
    organisationId: user.organisationId ? String(user.organisationId) : null,
    clientId: user.clientId ? String(user.clientId) : null, mfaEnabled: user.mfaEnabled,
  };
}

/** Sign in with e-mail and password: a new session id, the two-factor step still to come where needed. */
export async function login(req: Request, email: string): Promise<{ user: SessionUser; mfaRequired: boolean; mfaEnrolled: boolean }> {
  const limits = loginLimits(email, req.ip ?? 'unknown');
  const attempt = await beginAttempt(limits);
  if (attempt.lockedUntil) {
    await auditAuth(req, null, 'login_failed', 'denied', 'geblokkeerd na te veel mislukte pogingen');
    throw lockProblem('Te veel mislukte pogingen.', attempt.lockedUntil);
  }
  const user = await authenticate(req);
  if (!user) {
    const known = await User.findOne({ email: email.trim().toLowerCase() }, { name: 1, roles: 1, organisationId: 1 }).lean();
    await auditAuth(req, known ? { ...known, roles: known.roles as string[] } : null, 'login_failed', 'denied', 'e-mailadres of wachtwoord onjuist');
    if (attempt.isLast) await auditAuth(req, null, 'lockout', 'denied', 'te veel mislukte pogingen');
    throw unauthorized(INVALID_CREDENTIALS);
  }
  await succeedAttempt(attempt, [limits[0]!]);
  await regenerate(req);
  const now = Date.now();
  Object.assign(req.session, { userId: String(user._id), authVersion: user.authVersion, createdAt: now, lastSeenAt: now, mfaVerified: false });
  const mfaRequired = user.mfaEnabled || isMfaMandatory(user.roles as Role[]);
  await auditAuth(req, user, 'login', 'allowed', mfaRequired ? 'wachtwoord juist, tweestapsverificatie volgt' : null);
  return { user, mfaRequired, mfaEnrolled: user.mfaEnabled };
}

/** The second factor: a TOTP code (once only) or an unused recovery code. */
export async function verifySecondFactor(req: Request, config: Config, code: string): Promise<SessionUser> {
  const user = await sessionUser(req, { allowMfaPending: true });
  if (!user.mfaEnabled || !user.totpSecret) throw conflict('Stel eerst tweestapsverificatie in.');
  const limits = secondStepLimits('mfa', req, user._id);
  const attempt = await beginAttempt(limits);
  if (attempt.lockedUntil) {
    await auditAuth(req, user, 'mfa', 'denied', 'geblokkeerd na te veel onjuiste codes');
    throw lockProblem('Te veel onjuiste codes.', attempt.lockedUntil);
  }
  const secret = open(config.masterKey, user.totpSecret, `totp:${String(user._id)}`);
  const step = await acceptTotp(secret, code, user.lastTotpStep ?? null);
  if (step !== null) {
    await User.updateOne({ _id: user._id }, { lastTotpStep: step });
  } else {
    const hashed = hashRecoveryCode(code);
    const used = await User.updateOne({ _id: user._id, recoveryCodes: hashed }, { $pull: { recoveryCodes: hashed } });
    if (used.modifiedCount !== 1) {
      const what = /^\d{6}$/.test(code) ? 'code' : 'herstelcode';
      await auditAuth(req, user, 'mfa', 'denied', `onjuiste of al gebruikte ${what}`);
      throw unauthorized('De code klopt niet of is al gebruikt.');
    }
  }
  await succeedAttempt(attempt, limits);
  await passSecondFactor(req, user, step !== null ? 'code uit de authenticator-app' : 'herstelcode');
  return user;
}

async function passSecondFactor(req: Request, user: SessionUser, how: string) {
  const { userId, authVersion, createdAt } = req.session;
  await regenerate(req); // privilege change: a new session id
  Object.assign(req.session, { userId, authVersion, createdAt, lastSeenAt: Date.now(), mfaVerified: true });
  await auditAuth(req, user, 'mfa', 'allowed', how);
}

/** Enrolment, step 1: a new secret (kept sealed in the session) and its QR code. */
export async function startEnrolment(req: Request, config: Config) {
  const user = await sessionUser(req, { allowMfaPending: true });
  if (user.mfaEnabled) throw conflict('Tweestapsverificatie is al ingesteld. Vraag de beheerder om die te herstellen.');
  const secret = newTotpSecret();
  req.session.pendingTotpSecret = seal(config.masterKey, secret, `totp-pending:${String(user._id)}`);
  return { secret, ...(await enrolmentQr(user.email, secret)) };
}

/** Enrolment, step 2: the first code proves the app has the secret; recovery codes are shown once. */
export async function confirmEnrolment(req: Request, config: Config, code: string) {
  const user = await sessionUser(req, { allowMfaPending: true });
  const pending = req.session.pendingTotpSecret;
  if (user.mfaEnabled || !pending) throw conflict('Start eerst het instellen van tweestapsverificatie.');
  const secret = open(config.masterKey, pending, `totp-pending:${String(user._id)}`);
  const step = await acceptTotp(secret, code, null);
  if (step === null) {
    await auditAuth(req, user, 'mfa', 'denied', 'onjuiste code bij het instellen');
    throw badRequest('De code klopt niet. Controleer de tijd op uw telefoon en probeer het opnieuw.', [
      { field: 'body.code', message: 'De code klopt niet.' },
    ]);
  }
  const recoveryCodes = newRecoveryCodes();
  await User.updateOne({ _id: user._id }, {
    mfaEnabled: true,
    totpSecret: seal(config.masterKey, secret, `totp:${String(user._id)}`),
    lastTotpStep: step,
    recoveryCodes: recoveryCodes.map(hashRecoveryCode),
  });
  delete req.session.pendingTotpSecret;
  await passSecondFactor(req, user, 'tweestapsverificatie ingesteld');
  return { recoveryCodes };
}

export async function logout(req: Request): Promise<void> {
  const user = req.session?.userId ? await User.findById(req.session.userId) : null;
  await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
  if (user) await auditAuth(req, user, 'logout', 'allowed');
}

/** Changing one's own password needs the current one; every other session of this user ends. */
export async function changePassword(req: Request, currentPassword: string, newPassword: string) {
  const user = await sessionUser(req);
  const limits = secondStepLimits('password', req, user._id);
  const attempt = await beginAttempt(limits);
  if (attempt.lockedUntil) {
    await auditAuth(req, user, 'password_change', 'denied', 'geblokkeerd na te veel onjuiste huidige wachtwoorden');
    throw lockProblem('Te veel onjuiste wachtwoorden.', attempt.lockedUntil);
  }
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await auditAuth(req, user, 'password_change', 'denied', 'huidig wachtwoord onjuist');
    throw badRequest('Uw huidige wachtwoord klopt niet.', [{ field: 'body.currentPassword', message: 'Huidig wachtwoord klopt niet.' }]);
  }
  await succeedAttempt(attempt, limits);
  if (newPassword === currentPassword) {
    const same = 'Nieuw wachtwoord: kies een ander wachtwoord dan uw huidige.';
    throw badRequest(same, [{ field: 'body.newPassword', message: same }]);
  }
  const problem = passwordProblem(newPassword);
  if (problem) throw badRequest(problem, [{ field: 'body.newPassword', message: problem }]);
  const authVersion = user.authVersion + 1;
  await User.updateOne({ _id: user._id }, { passwordHash: await hashPassword(newPassword), authVersion });
  const { userId, createdAt, mfaVerified } = req.session;
  await regenerate(req);
  Object.assign(req.session, { userId, createdAt, mfaVerified, authVersion, lastSeenAt: Date.now() });
  await auditAuth(req, user, 'password_change', 'allowed');
}

/**
 * Signing in, two-factor, signing out and changing one's password. Routes stay thin; the rules live here.
 */
import type { Request } from 'express';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { Config } from '../config';
import { User } from '../db/models/user';
import { badRequest, conflict, tooManyRequests, unauthorized } from '../http/problem';
import { open, seal } from '../crypto/masterKeySeal';
import { auditAuth } from './auditAuth';
import { acceptTotp, enrolmentQr, hashRecoveryCode, isMfaMandatory, newRecoveryCodes, newTotpSecret } from './mfa';
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from './passwords';
import { clearAccountFailures, lockedUntil, recordFailure } from './throttle';
import { sessionUser, type SessionUser } from './actor';
import type { Role } from '../../../shared/src/domain';
import { USER_SELF_FIELDS } from '../../../shared/src/policy/rules';

const INVALID_CREDENTIALS = 'E-mailadres of wachtwoord onjuist.';

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

export function presentSelf(user: SessionUser) {
  const plain = user.toObject() as Record<string, unknown>;
  return Object.fromEntries(USER_SELF_FIELDS.filter((field) => field in plain).map((field) => [field, plain[field]]));
}

/** Sign in with e-mail and password: a new session id, the two-factor step still to come where needed. */
export async function login(req: Request, email: string): Promise<{ user: SessionUser; mfaRequired: boolean; mfaEnrolled: boolean }> {
  const ip = req.ip ?? 'unknown';
  const lock = await lockedUntil(email, ip);
  if (lock) {
    await auditAuth(req, null, 'login_failed', 'denied', 'locked out');
    throw tooManyRequests('Te veel mislukte pogingen. Probeer het over een kwartier opnieuw.');
  }
  const user = await authenticate(req);
  if (!user) {
    const locked = await recordFailure(email, ip);
    const known = await User.findOne({ email: email.trim().toLowerCase() }, { name: 1, roles: 1, organisationId: 1 }).lean();
    await auditAuth(req, known ? { ...known, roles: known.roles as string[] } : null, 'login_failed', 'denied', 'invalid credentials');
    if (locked) await auditAuth(req, null, 'lockout', 'denied', 'too many failed attempts');
    throw unauthorized(INVALID_CREDENTIALS);
  }
  await clearAccountFailures(email);
  await regenerate(req);
  const now = Date.now();
  Object.assign(req.session, { userId: String(user._id), authVersion: user.authVersion, createdAt: now, lastSeenAt: now, mfaVerified: false });
  const mfaRequired = user.mfaEnabled || isMfaMandatory(user.roles as Role[]);
  await auditAuth(req, user, 'login', 'allowed', mfaRequired ? 'password ok, two-factor pending' : null);
  return { user, mfaRequired, mfaEnrolled: user.mfaEnabled };
}

/** The second factor: a TOTP code (once only) or an unused recovery code. */
export async function verifySecondFactor(req: Request, config: Config, code: string): Promise<SessionUser> {
  const user = await sessionUser(req, { allowMfaPending: true });
  if (!user.mfaEnabled || !user.totpSecret) throw conflict('Stel eerst tweestapsverificatie in.');
  const secret = open(config.masterKey, user.totpSecret, `totp:${String(user._id)}`);
  const step = await acceptTotp(secret, code, user.lastTotpStep ?? null);
  if (step !== null) {
    await User.updateOne({ _id: user._id }, { lastTotpStep: step });
  } else {
    const hashed = hashRecoveryCode(code);
    const used = await User.updateOne({ _id: user._id, recoveryCodes: hashed }, { $pull: { recoveryCodes: hashed } });
    if (used.modifiedCount !== 1) {
      await auditAuth(req, user, 'mfa', 'denied', 'invalid or reused code');
      throw unauthorized('De code klopt niet of is al gebruikt.');
    }
  }
  await passSecondFactor(req, user, step !== null ? 'totp' : 'recovery code');
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
    await auditAuth(req, user, 'mfa', 'denied', 'enrolment code invalid');
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
  await passSecondFactor(req, user, 'enrolled');
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
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await auditAuth(req, user, 'password_change', 'denied', 'current password wrong');
    throw badRequest('Uw huidige wachtwoord klopt niet.', [{ field: 'body.currentPassword', message: 'Klopt niet.' }]);
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

/**
 * Who is asking: the session's user, loaded fresh on every request (so disabling an account, changing its roles
 * or ending an assignment counts at once), checked against the timeouts and the two-factor gate, with the
 * actor's facts and ability built once per request.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { HydratedDocument } from 'mongoose';
import { User, type UserData } from '../db/models/user';
import { forbidden, unauthorized } from '../http/problem';
import { currentActor } from '../policy/facts';
import { withAbility, type RequestActor } from '../policy/enforce';
import { isMfaMandatory } from './mfa';
import { ABSOLUTE_TIMEOUT_MS, idleTimeoutFor, MFA_PENDING_TIMEOUT_MS, SESSION_TOUCH_INTERVAL_MS } from './session';
import type { Role } from '@spoorboek/shared/domain';

declare module 'express-serve-static-core' {
  interface Request {
    /** The signed-in user's account, as loaded for this request. */
    sessionUser?: HydratedDocument<UserData>;
  }
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof loadSessionUser>>>;

async function loadSessionUser(req: Request) {
  const userId = req.session?.userId;
  if (!userId) return null;
  return User.findById(userId);
}

function endSession(req: Request): Promise<void> {
  return new Promise((resolve) => req.session.destroy(() => resolve()));
}

export const SESSION_EXPIRED = 'Uw sessie is verlopen. Log opnieuw in.';

/**
 * The signed-in user whose session is still valid, or a 401. With `allowMfaPending`, also a user who still has
 * to pass (or enrol in) two-factor authentication — only for the enrolment, verification and logout routes.
 */
export async function sessionUser(req: Request, { allowMfaPending = false } = {}): Promise<SessionUser> {
  const user = await loadSessionUser(req);
  if (!user) {
    if (req.session?.userId) await endSession(req);
    throw unauthorized();
  }
  const now = Date.now();
  const { createdAt = 0, lastSeenAt = 0, authVersion } = req.session;
  const halfSignedInTooLong = isMfaPending(req, user.roles as Role[], user.mfaEnabled) && now - createdAt > MFA_PENDING_TIMEOUT_MS;
  const expired = now - createdAt > ABSOLUTE_TIMEOUT_MS || now - lastSeenAt > idleTimeoutFor(user.roles as Role[]) || halfSignedInTooLong;
  if (user.disabled || authVersion !== user.authVersion || expired) {
    await endSession(req);
    throw unauthorized(expired ? SESSION_EXPIRED : 'Log opnieuw in.');
  }
  if (now - lastSeenAt >= SESSION_TOUCH_INTERVAL_MS) req.session.lastSeenAt = now;
  if (!allowMfaPending && isMfaPending(req, user.roles as Role[], user.mfaEnabled)) {
    throw forbidden('Bevestig eerst uw inlog met tweestapsverificatie.');
  }
  return user;
}

export function isMfaPending(req: Request, roles: Role[], mfaEnabled: boolean): boolean {
  return (mfaEnabled || isMfaMandatory(roles)) && !req.session.mfaVerified;
}

/** Every protected route: a valid session, two-factor passed, and `req.actor` with facts and ability. */
export const requireActor: RequestHandler = async (req: Request, _res: Response, next: NextFunction) => {
  if (!req.actor) {
    const user = await sessionUser(req);
    req.sessionUser = user;
    req.actor = await actorFor(req, user);
  }
  next();
};

async function actorFor(req: Request, user: SessionUser): Promise<RequestActor> {
  const actor = await currentActor({
    _id: user._id, name: user.name, roles: user.roles as Role[], organisationId: user.organisationId, clientId: user.clientId,
  });
  return withAbility(actor, { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null });
}

/** The actor with facts reloaded, after a change to those facts in this very request (a coach's own intake). */
export async function refreshedActor(req: Request): Promise<RequestActor> {
  if (!req.sessionUser) throw unauthorized();
  req.actor = await actorFor(req, req.sessionUser);
  return req.actor;
}

export function actorOf(req: Request): RequestActor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}

/**
 * Server-side sessions in the database (ASVS 5 §7): HttpOnly, SameSite=Strict cookies, Secure with the __Host-
 * prefix when served over TLS. Expired sessions are swept on an interval by the app itself (FerretDB has no TTL
 * index). Idle and absolute timeouts are enforced per request in `requireActor`, since the cookie is only a hint.
 */
import type { RequestHandler, Response } from 'express';
import session from 'express-session';
import MongoStore from 'connect-mongo';
import mongoose from 'mongoose';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { serviceUnavailable } from '../http/problem';
import { sweepOldAttempts } from './throttle';
import { HEALTH_OR_STAFF_ROLES, type Role } from '@spoorboek/shared/domain';

export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
export const IDLE_TIMEOUT_MS = { standard: 30 * 60 * 1000, sensitive: 15 * 60 * 1000 };
/**
 * How often an active session's `lastSeenAt` is written back: at most once a minute, not on every request (a
 * write per request was a third of a read's round trips). The idle timeout is measured from the stored time, so
 * a session ends at most this much *earlier* than the timeout after its last request, never later.
 */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;
/** A half-signed-in session (password right, two-factor still to come) lives this long: long enough to type a code. */
export const MFA_PENDING_TIMEOUT_MS = 5 * 60 * 1000;

/** Health and staff roles get the short idle timeout (NEN 7510). */
export function idleTimeoutFor(roles: readonly Role[]): number {
  return roles.some((role) => HEALTH_OR_STAFF_ROLES.includes(role)) ? IDLE_TIMEOUT_MS.sensitive : IDLE_TIMEOUT_MS.standard;
}

declare module 'express-session' {
  interface SessionData {
    userId: string;
    authVersion: number;
    createdAt: number;
    lastSeenAt: number;
    mfaVerified: boolean;
    /** Two-factor enrolment in progress: the new secret, sealed, until the first code confirms it. */
    pendingTotpSecret: string;
  }
}

export function sessionCookieName(config: Config): string {
  return config.cookieSecure ? '__Host-spoorboek.sid' : 'spoorboek.sid';
}

export const SESSIONS_COLLECTION = 'sessions';

export function createSessionMiddleware(config: Config) {
  const store = MongoStore.create({
    client: mongoose.connection.getClient(),
    dbName: mongoose.connection.db?.databaseName,
    collectionName: SESSIONS_COLLECTION,
    ttl: ABSOLUTE_TIMEOUT_MS / 1000,
    // connect-mongo's own 'interval' sweep deletes with w:0; FerretDB 1.24 answers that unacknowledged write anyway,
    // so the next command on the pooled connection reads the wrong reply and sign-in fails until a restart.
    // The app sweeps with an acknowledged delete instead (startSessionSweep).
    autoRemove: 'disabled',
    stringify: false,
  });
  // A signed-in session is saved before the answer leaves (saveSessionBeforeAnswer), expiry included, so
  // express-session's extra "touch" write after every response would only repeat it.
  store.touch = (_sid, _session, callback) => callback?.(null);
  return session({
    name: sessionCookieName(config),
    secret: config.sessionSecret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: config.trustProxy > 0,
    cookie: {
      httpOnly: true,
      sameSite: 'strict',
      secure: config.cookieSecure,
      path: '/',
      maxAge: IDLE_TIMEOUT_MS.standard,
    },
  });
}

/** Deletes the sessions whose expiry has passed, with an acknowledged write; returns how many went. */
export async function sweepExpiredSessions(now = new Date()): Promise<number> {
  const db = mongoose.connection.db;
  if (!db) return 0;
  const { deletedCount } = await db.collection(SESSIONS_COLLECTION).deleteMany({ expires: { $lt: now } });
  return deletedCount;
}

/**
 * Sweeps expired sessions (and login-failure counts that have run out) every `config.sessionSweepIntervalMs`, one
 * sweep at a time, until stopped.
 */
export function startSessionSweep(config: Pick<Config, 'sessionSweepIntervalMs'>, logger: Logger): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = Promise.all([sweepExpiredSessions(), sweepOldAttempts()])
      .then(([sessions, attempts]) => {
        if (sessions + attempts > 0) logger.debug({ sessions, attempts }, 'expired sessions and guessing counts swept');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'sweeping expired sessions failed'))
      .finally(() => {
        running = null;
      });
  }, config.sessionSweepIntervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * Saves a signed-in session *before* the answer is sent. express-session saves after the status line and most of
 * the body are out, so a failed save (the database gone for a moment) cut the response off and the error reached
 * Express's default handler, which prints a raw stack to stderr. Here a failed save becomes a clean 503
 * problem+json, logged through the structured logger, and the client can simply try again.
 */
export const saveSessionBeforeAnswer: RequestHandler = (req, res, next) => {
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  let saving = false;
  // Saved only when this request changed it (a sign-in, a two-factor step, a touch): unchanged, express-session
  // writes nothing either.
  const loaded = { id: req.session?.id, state: sessionState(req.session) };
  res.end = ((...args: unknown[]) => {
    if (saving || !req.session?.userId || res.headersSent) return end(...args);
    if (req.session.id === loaded.id && sessionState(req.session) === loaded.state) return end(...args);
    saving = true;
    req.session.save((error) => {
      if (!error) {
        end(...args);
        return;
      }
      req.log?.error({ err: error }, 'saving the session failed');
      // Nothing of this session is kept from this request; express-session must not try again after us.
      (req as { session?: unknown }).session = undefined;
      const problem = serviceUnavailable('Uw sessie kon niet worden opgeslagen omdat de database even niet bereikbaar is. Probeer het zo opnieuw.');
      for (const header of ['content-type', 'content-length', 'content-disposition', 'etag', 'set-cookie']) res.removeHeader(header);
      res.statusCode = problem.status;
      res.setHeader('Retry-After', '5');
      res.setHeader('Content-Type', 'application/problem+json; charset=utf-8');
      end(JSON.stringify(problem.toBody()));
    });
    return res;
  }) as Response['end'];
  next();
};

/** The session's content as express-session compares it (everything but the cookie). */
function sessionState(data: object | undefined): string {
  return JSON.stringify(data ?? null, (key, value: unknown) => (key === 'cookie' ? undefined : value));
}

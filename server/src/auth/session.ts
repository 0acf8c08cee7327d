/**
 * Server-side sessions in the database (ASVS 5 §7): HttpOnly, SameSite=Strict cookies, Secure with the __Host-
 * prefix when served over TLS. Expired sessions are swept on an interval (FerretDB has no TTL index). Idle and
 * absolute timeouts are enforced per request in `requireActor`, since the cookie is only a hint.
 */
import session from 'express-session';
import MongoStore from 'connect-mongo';
import mongoose from 'mongoose';
import type { Config } from '../config';
import { HEALTH_OR_STAFF_ROLES, type Role } from '../../../shared/src/domain';

export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
export const IDLE_TIMEOUT_MS = { standard: 30 * 60 * 1000, sensitive: 15 * 60 * 1000 };

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

export function createSessionMiddleware(config: Config) {
  const store = MongoStore.create({
    client: mongoose.connection.getClient(),
    dbName: mongoose.connection.db?.databaseName,
    collectionName: 'sessions',
    ttl: ABSOLUTE_TIMEOUT_MS / 1000,
    autoRemove: 'interval',
    autoRemoveInterval: 10,
    stringify: false,
  });
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

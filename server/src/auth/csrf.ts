/**
 * CSRF protection on every state-changing request under /api (OWASP CSRF Prevention Cheat Sheet), without storing
 * anything for strangers:
 * - before sign-in, a signed double-submit token: a random nonce and its HMAC under SESSION_SECRET, given in the
 *   body of `GET /auth/csrf` and in an HttpOnly, SameSite=Strict cookie; a request passes when its `x-csrf-token`
 *   header equals the cookie and the signature holds. No session is created, so anonymous traffic costs no storage.
 * - once a session exists (signed in, or half-signed-in with two-factor pending), the synchronizer token kept in
 *   that session (csrf-sync), renewed at every privilege change.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { csrfSync } from 'csrf-sync';
import type { Config } from '../config';
import { csrfRejected } from '../http/problem';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** A login form left open over lunch still works; an old token picked up somewhere does not. */
const ANONYMOUS_TOKEN_LIFETIME_MS = 4 * 60 * 60 * 1000;

export const csrf = csrfSync({
  getTokenFromRequest: (req) => req.get('x-csrf-token'),
});

export function csrfCookieName(config: Pick<Config, 'cookieSecure'>): string {
  return config.cookieSecure ? '__Host-spoorboek.csrf' : 'spoorboek.csrf';
}

/** True when the request belongs to a stored session (signed in, or two-factor still pending). */
export function hasSession(req: Request): boolean {
  return Boolean(req.session?.userId);
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`csrf-anonymous:${payload}`).digest('base64url');
}

function issueAnonymousToken(secret: string, now = Date.now()): string {
  const payload = `${now.toString(36)}.${randomBytes(18).toString('base64url')}`;
  return `${payload}.${sign(secret, payload)}`;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function isValidAnonymousToken(secret: string, token: string, now = Date.now()): boolean {
  const parts = token.split('.');
  if (parts.length !== 3 || token.length > 200) return false;
  const [issued, nonce, signature] = parts as [string, string, string];
  if (!sameText(signature, sign(secret, `${issued}.${nonce}`))) return false;
  const age = now - parseInt(issued, 36);
  return age >= 0 && age <= ANONYMOUS_TOKEN_LIFETIME_MS;
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(part.slice(at + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * The token this caller must send: the session's synchronizer token, or for a stranger the signed token already
 * in its cookie (so several tabs share one) or a fresh one, set as a cookie.
 */
export function csrfTokenFor(req: Request, res: Response, config: Config): string {
  if (hasSession(req)) return csrf.generateToken(req);
  const existing = readCookie(req, csrfCookieName(config));
  if (existing && isValidAnonymousToken(config.sessionSecret, existing)) return existing;
  const token = issueAnonymousToken(config.sessionSecret);
  res.cookie(csrfCookieName(config), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.cookieSecure,
    path: '/',
    maxAge: ANONYMOUS_TOKEN_LIFETIME_MS,
  });
  return token;
}

/** Refuses a state-changing request whose token is missing, forged or from another session (403 problem+json). */
export function csrfProtection(config: Config): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (hasSession(req)) return csrf.csrfSynchronisedProtection(req, res, next);
    const header = req.get('x-csrf-token');
    const cookie = readCookie(req, csrfCookieName(config));
    if (header && cookie && sameText(header, cookie) && isValidAnonymousToken(config.sessionSecret, cookie)) return next();
    next(csrfRejected());
  };
}

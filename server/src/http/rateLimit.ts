/**
 * A per-address limit on what strangers may ask (OWASP ASVS 5 §2.4, anti-automation): requests under /api without a
 * session are counted per IP address in a fixed one-minute window, in memory, in a table of bounded size, so a flood
 * of strangers costs neither storage nor database work and cannot slow down the people signed in. Signed-in users
 * are not counted here (their routes have their own checks).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { hasSession } from '../auth/csrf';
import { HttpProblem } from './problem';

interface Window {
  start: number;
  count: number;
}

export interface FixedWindowLimiter {
  /** Counts one request for `key`; `retryAfterMs` > 0 when it is over the limit. */
  take(key: string, now?: number): { allowed: boolean; retryAfterMs: number };
  /** How many keys are tracked now (never more than `maxKeys`). */
  size(): number;
}

export function fixedWindowLimiter({ limit, windowMs, maxKeys }: { limit: number; windowMs: number; maxKeys: number }): FixedWindowLimiter {
  const windows = new Map<string, Window>();

  function makeRoom(now: number) {
    for (const [key, window] of windows) if (now - window.start >= windowMs) windows.delete(key);
    // Still full: forget the oldest entries (a Map iterates in insertion order).
    for (const key of windows.keys()) {
      if (windows.size < maxKeys) break;
      windows.delete(key);
    }
  }

  return {
    take(key, now = Date.now()) {
      let window = windows.get(key);
      if (!window || now - window.start >= windowMs) {
        windows.delete(key);
        if (windows.size >= maxKeys) makeRoom(now);
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      const allowed = window.count <= limit;
      return { allowed, retryAfterMs: allowed ? 0 : window.start + windowMs - now };
    },
    size: () => windows.size,
  };
}

const WINDOW_MS = 60 * 1000;
const MAX_ADDRESSES = 10_000;

/** 429 problem+json with Retry-After for an address that sent more than `perMinute` requests without a session. */
export function anonymousRateLimit(perMinute: number): RequestHandler {
  const limiter = fixedWindowLimiter({ limit: perMinute, windowMs: WINDOW_MS, maxKeys: MAX_ADDRESSES });
  return (req: Request, res: Response, next: NextFunction) => {
    if (hasSession(req)) return next();
    const { allowed, retryAfterMs } = limiter.take(req.ip ?? 'unknown');
    if (allowed) return next();
    res.setHeader('Retry-After', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
    next(new HttpProblem(429, 'rate-limited', 'Te veel verzoeken',
      'Er komen te veel verzoeken van uw adres. Wacht een minuut en probeer het opnieuw.'));
  };
}

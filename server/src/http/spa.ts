/**
 * The web client, served by the same server: hashed assets cached for a year, every other non-API GET answered
 * with index.html so the client's router takes over. Never a route under /api.
 */
import express, { type Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serviceUnavailable } from './problem';

export const CLIENT_DIST = fileURLToPath(new URL('../../../client/dist', import.meta.url));

export function webClient(dist = CLIENT_DIST): Router | null {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return null;
  const router = express.Router();
  router.use('/assets', (_req, res, next) => {
    res.removeHeader('Cache-Control'); // the app-wide no-store is for data; hashed assets never change
    next();
  }, express.static(join(dist, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }));
  router.get(/^(?!\/api\/|\/healthz$|\/readyz$).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    // While a rebuild replaces client/dist, say so rather than fail with a 500.
    if (!existsSync(index)) return next(serviceUnavailable('De webapp wordt bijgewerkt. Probeer het over een paar seconden opnieuw.'));
    res.sendFile(index);
  });
  return router;
}

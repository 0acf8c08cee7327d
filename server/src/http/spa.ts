/**
 * The web client, served by the same server: hashed assets cached for a year, every other non-API GET answered
 * with index.html so the client's router takes over. Never a route under /api. Text files are sent as the brotli
 * or gzip copy written at build time (`scripts/precompress.ts`) when the browser accepts it.
 */
import express, { type Request, type Response, type Router } from 'express';
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serviceUnavailable } from './problem';

export const CLIENT_DIST = fileURLToPath(new URL('../../../client/dist', import.meta.url));

const ENCODINGS = [{ name: 'br', suffix: '.br' }, { name: 'gzip', suffix: '.gz' }] as const;

/**
 * The file to send for `path`: its precompressed copy in the best encoding the browser accepts, with the
 * headers that say so; the file itself otherwise.
 */
function negotiated(req: Request, res: Response, path: string): string {
  res.vary('Accept-Encoding');
  // Our preference, not the header's order: browsers list gzip before br, and brotli is a fifth smaller.
  const encoding = ENCODINGS.find(({ name, suffix }) => req.acceptsEncodings(name) === name && existsSync(path + suffix));
  if (!encoding) return path;
  res.type(extname(path)); // `send` keeps a type that is already set, rather than one for ".br"
  res.setHeader('Content-Encoding', encoding.name);
  return path + encoding.suffix;
}

export function webClient(dist = CLIENT_DIST): Router | null {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return null;
  const assets = join(dist, 'assets');
  const router = express.Router();
  router.use('/assets', (req, res, next) => {
    res.removeHeader('Cache-Control'); // the app-wide no-store is for data; hashed assets never change
    const file = join(assets, req.path);
    if (file.startsWith(assets + '/') && existsSync(file)) req.url = negotiated(req, res, file).slice(assets.length);
    next();
  }, express.static(assets, { immutable: true, maxAge: '1y', index: false, fallthrough: false }));
  router.get(/^(?!\/api\/|\/healthz$|\/readyz$).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    // While a rebuild replaces client/dist, say so rather than fail with a 500.
    if (!existsSync(index)) return next(serviceUnavailable('De webapp wordt bijgewerkt. Probeer het over een paar seconden opnieuw.'));
    res.sendFile(negotiated(req, res, index));
  });
  return router;
}

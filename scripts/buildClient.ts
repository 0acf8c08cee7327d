/**
 * Builds the web client into client/dist when it is missing or older than its sources (client/ and shared/),
 * so `npm start` and the browser tests always serve the current client. `npm run build` builds it by hand.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompress } from './precompress';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLIENT = join(ROOT, 'client');
const BUILT = join(CLIENT, 'dist', 'index.html');

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => !['node_modules', 'dist'].includes(name))
    .reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

export function isClientStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const built = statSync(BUILT).mtimeMs;
  return [join(CLIENT, 'src'), join(CLIENT, 'index.html'), join(CLIENT, 'vite.config.ts'), join(ROOT, 'shared', 'src')]
    .some((source) => newestChange(source) > built);
}

export async function ensureClientBuilt({ force = false, log = console.log, outDir = join(CLIENT, 'dist') } = {}): Promise<void> {
  if (!force && !isClientStale()) return;
  log('[client] building the web client (vite)…');
  const { build } = await import('vite');
  // Vite takes React's development or production build from NODE_ENV, which is `test` under mocha.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: CLIENT, configFile: join(CLIENT, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV; // assigning undefined would store the string "undefined"
    else process.env.NODE_ENV = nodeEnv;
  }
  const { bytes, brotliBytes } = precompress(outDir);
  log(`[client] built into ${outDir} (${Math.round(bytes / 1024)} KB of text, ${Math.round(brotliBytes / 1024)} KB with brotli)`);
}

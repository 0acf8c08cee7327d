/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text asset of the built client, once at build time,
 * so the server sends them without compressing on each request (`server/src/http/spa.ts` picks the copy the
 * browser accepts). Only the static client: API responses stay uncompressed, since compressing secrets beside
 * attacker-chosen text leaks them (BREACH).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map)$/;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

export function precompress(dir: string): { files: number; bytes: number; brotliBytes: number } {
  let count = 0;
  let bytes = 0;
  let brotliBytes = 0;
  for (const path of files(dir)) {
    if (!COMPRESSIBLE.test(path)) continue;
    const content = readFileSync(path);
    const brotli = brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
    });
    writeFileSync(`${path}.br`, brotli);
    writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
    count += 1;
    bytes += content.length;
    brotliBytes += brotli.length;
  }
  return { files: count, bytes, brotliBytes };
}

import { expect } from 'chai';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { once } from 'node:events';
import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureClientBuilt } from '../../scripts/buildClient';
import { testApp } from '../helpers/app';

describe('building the web client', () => {
  let outDir: string;
  before(async function () {
    this.timeout(120_000);
    outDir = mkdtempSync(join(tmpdir(), 'spoorboek-client-')); // not client/dist: a running server may serve that
    const before = process.env.NODE_ENV;
    delete process.env.NODE_ENV;
    try {
      await ensureClientBuilt({ force: true, log: () => undefined, outDir });
      expect(process.env.NODE_ENV).to.equal(undefined);
    } finally {
      process.env.NODE_ENV = before;
    }
  });
  after(() => rmSync(outDir, { recursive: true, force: true }));

  it('produces the app and leaves NODE_ENV as it found it (even unset)', () => {
    expect(existsSync(join(outDir, 'index.html'))).to.equal(true);
  });

  it('serves the scripts brotli- or gzip-compressed to a browser that accepts it, and plain to one that does not', async () => {
    const script = readdirSync(join(outDir, 'assets')).find((name) => name.endsWith('.js'))!;
    const original = readFileSync(join(outDir, 'assets', script));
    const { app } = testApp({ deps: { clientDist: outDir } });
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      const brotli = await rawGet(port, `/assets/${script}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
      expect(brotli.headers['content-encoding']).to.equal('br');
      expect(brotli.headers['content-type']).to.match(/javascript/);
      expect(brotli.headers.vary).to.match(/Accept-Encoding/);
      expect(brotli.headers['cache-control']).to.match(/immutable/);
      expect(brotli.body.length).to.be.below(original.length / 2);
      expect(brotliDecompressSync(brotli.body).equals(original)).to.equal(true);

      const gzip = await rawGet(port, `/assets/${script}`, { 'accept-encoding': 'gzip' });
      expect(gzip.headers['content-encoding']).to.equal('gzip');
      expect(gunzipSync(gzip.body).equals(original)).to.equal(true);

      const plain = await rawGet(port, `/assets/${script}`, {});
      expect(plain.headers['content-encoding']).to.equal(undefined);
      expect(plain.body.equals(original)).to.equal(true);

      const page = await rawGet(port, '/clients', { accept: 'text/html', 'accept-encoding': 'br' });
      expect(page.headers['content-type']).to.match(/text\/html/);
      expect(brotliDecompressSync(page.body).toString()).to.contain('<div id="root">');

      const outside = await rawGet(port, '/assets/..%2f..%2fpackage.json', { 'accept-encoding': 'br' });
      expect(outside.status).to.equal(404);
      expect((await rawGet(port, '/assets/index-gone.js', { 'accept-encoding': 'br' })).status).to.equal(404);
    } finally {
      server.close();
    }
  });
});

/** A GET that leaves the body as it came over the wire (supertest would decompress it). */
async function rawGet(port: number, path: string, headers: Record<string, string>) {
  const request = get({ host: '127.0.0.1', port, path, headers });
  const [response] = (await once(request, 'response')) as [IncomingMessage];
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return { status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) };
}

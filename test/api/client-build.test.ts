import { expect } from 'chai';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureClientBuilt } from '../../scripts/buildClient';

describe('building the web client', () => {
  it('produces the app and leaves NODE_ENV as it found it (even unset)', async function () {
    this.timeout(120_000);
    const outDir = mkdtempSync(join(tmpdir(), 'spoorboek-client-')); // not client/dist: a running server may serve that
    const before = process.env.NODE_ENV;
    delete process.env.NODE_ENV;
    try {
      await ensureClientBuilt({ force: true, log: () => undefined, outDir });
      expect(process.env.NODE_ENV).to.equal(undefined);
    } finally {
      process.env.NODE_ENV = before;
    }
    expect(existsSync(join(outDir, 'index.html'))).to.equal(true);
    rmSync(outDir, { recursive: true, force: true });
  });
});

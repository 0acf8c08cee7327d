import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureClientBuilt, isClientStale } from '../../scripts/buildClient';

describe('building the web client', () => {
  it('produces client/dist, is then up to date, and leaves NODE_ENV as it found it (even unset)', async function () {
    this.timeout(120_000);
    const before = process.env.NODE_ENV;
    delete process.env.NODE_ENV;
    try {
      await ensureClientBuilt({ force: true, log: () => undefined });
      expect(process.env.NODE_ENV).to.equal(undefined);
    } finally {
      process.env.NODE_ENV = before;
    }
    expect(existsSync(join('client', 'dist', 'index.html'))).to.equal(true);
    expect(isClientStale()).to.equal(false);
  });
});

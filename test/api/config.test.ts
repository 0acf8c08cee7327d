import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../server/src/config';

const uri = 'mongodb://127.0.0.1:27017/spoorboek';

describe('configuration', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'spoorboek-config-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stops production with a clear message when a secret is missing', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', MONGODB_URI: uri, DATA_DIR: dataDir }))
      .to.throw(ConfigError, /SESSION_SECRET, MASTER_KEY/);
    expect(existsSync(join(dataDir, 'secrets.json'))).to.equal(false);
  });

  it('generates development secrets once, with a warning, and reuses them', () => {
    const warnings: string[] = [];
    const first = loadConfig({ NODE_ENV: 'development', MONGODB_URI: uri, DATA_DIR: dataDir }, (w) => warnings.push(w));
    const second = loadConfig({ NODE_ENV: 'development', MONGODB_URI: uri, DATA_DIR: dataDir }, (w) => warnings.push(w));
    expect(warnings).to.have.length(1);
    expect(first.sessionSecret).to.equal(second.sessionSecret);
    expect(first.masterKey.equals(second.masterKey)).to.equal(true);
    expect(first.masterKey).to.have.length(32);
    expect(statSync(join(dataDir, 'secrets.json')).mode & 0o077).to.equal(0);
    expect(readFileSync(join(dataDir, 'secrets.json'), 'utf8')).to.contain('masterKey');
  });

  it('rejects a malformed value and names it', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', MONGODB_URI: 'http://nope', PORT: 'abc' }))
      .to.throw(ConfigError, /MONGODB_URI[\s\S]*PORT|PORT[\s\S]*MONGODB_URI/);
  });

  it('accepts explicit secrets in production', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      MONGODB_URI: uri,
      DATA_DIR: dataDir,
      SESSION_SECRET: 'x'.repeat(40),
      MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
    expect(config.env).to.equal('production');
  });
});

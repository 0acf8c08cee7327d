/**
 * Expired sessions are swept by the app with an acknowledged delete. connect-mongo's own interval sweep deletes
 * with w:0, and FerretDB 1.24 answers unacknowledged writes anyway: from then on, the pooled connection hands each
 * command the previous command's reply and nobody can sign in (issue: "logins 500 ten minutes after start").
 */
import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import mongoose from 'mongoose';
import { startSessionSweep, SESSIONS_COLLECTION } from '../../server/src/auth/session';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/logger';
import { testApp, type TestApp } from '../helpers/app';
import { testDatabase } from '../helpers/database';
import { anAccount, signIn } from '../helpers/session';

const sessions = () => mongoose.connection.collection(SESSIONS_COLLECTION);

/** Waits for a condition the sweep makes true (never for a fixed time): at most `limitMs`. */
async function until(condition: () => Promise<boolean>, limitMs = 10_000) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > limitMs) throw new Error('the condition never became true');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One sweep has certainly run when an already expired marker session is gone. */
async function oneSweep() {
  const _id = `marker-${Math.random().toString(36).slice(2)}`;
  await sessions().insertOne({ _id, expires: new Date(Date.now() - 1000), session: {} } as never);
  await until(async () => (await sessions().countDocuments({ _id } as never)) === 0);
}

describe('the session sweep', () => {
  let t: TestApp;
  let sweep: { stop(): Promise<void> };
  beforeEach(() => {
    t = testApp({ env: { SESSION_SWEEP_INTERVAL_MS: '200' } });
    sweep = startSessionSweep(t.config, createLogger({ level: 'silent' }));
  });
  afterEach(async () => {
    await sweep.stop();
  });

  it('takes its interval from SESSION_SWEEP_INTERVAL_MS', () => {
    expect(t.config.sessionSweepIntervalMs).to.equal(200);
    expect(loadConfig({ NODE_ENV: 'test', MONGODB_URI: testDatabase().uri }).sessionSweepIntervalMs).to.equal(10 * 60 * 1000);
  });

  it('keeps live sessions and sign-in working across many sweeps', async () => {
    await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
    const first = await signIn(t.app, 'anna@test.nl');
    for (let sweeps = 0; sweeps < 5; sweeps++) {
      await oneSweep();
      await first.agent.get('/api/v1/me').expect(200);
    }
    const second = await signIn(t.app, 'anna@test.nl');
    await oneSweep();
    await second.agent.get('/api/v1/me').expect(200);
    await first.agent.get('/api/v1/me').expect(200);
  });

  it('removes a session whose expiry has passed, which then no longer signs anyone in', async () => {
    await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
    const { agent } = await signIn(t.app, 'anna@test.nl');
    await agent.get('/api/v1/me').expect(200);
    const live = await sessions().countDocuments({ 'session.userId': { $exists: true } });
    expect(live).to.equal(1);
    await sessions().updateMany({ 'session.userId': { $exists: true } }, { $set: { expires: new Date(Date.now() - 1000) } });
    await until(async () => (await sessions().countDocuments({ 'session.userId': { $exists: true } })) === 0);
    await agent.get('/api/v1/me').expect(401);
  });
});

describe('unacknowledged writes (w:0)', () => {
  /** Every source file of the project (not node_modules, not build output). */
  function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      if (['node_modules', 'dist', '.data', '.tools', 'test-artifacts', '.git'].includes(name)) return [];
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return /\.(ts|tsx|js|mjs|cjs)$/.test(name) ? [path] : [];
    });
  }

  it('are asked for nowhere in the code, and connect-mongo’s w:0 sweep is off', () => {
    const offenders = ['server', 'shared', 'scripts', 'client/src'].flatMap((dir) => sourceFiles(dir)).filter((file) => {
      // Comments may explain the rule; code may not break it.
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\s\/\/ .*$/gm, '');
      return /\bw\s*:\s*0\b|['"]w['"]\s*:\s*0\b|[?&]w=0\b|autoRemove\s*:\s*['"]interval['"]/.test(text);
    });
    expect(offenders).to.deep.equal([]);
    expect(readFileSync('server/src/auth/session.ts', 'utf8')).to.match(/autoRemove: 'disabled'/);
  });

  it('are refused in MONGODB_URI at start', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', MONGODB_URI: 'mongodb://127.0.0.1:1/x?w=0' })).to.throw(/w=0/);
  });

  /**
   * Documents FerretDB 1.24's behaviour so an upgrade can drop the workaround knowingly: on one connection, an
   * unacknowledged delete is answered anyway, and the next command reads that stray reply. When this test fails on
   * a new FerretDB, unacknowledged writes are handled properly there (still: the app never needs them).
   */
  it('desynchronise a FerretDB 1.24 connection: the next command reads the stray reply', async function () {
    if (!testDatabase().embedded) {
      console.log('      (skipped: MONGODB_URI is set; MongoDB sends no reply to w:0, the FerretDB behaviour cannot be shown)');
      this.skip();
    }
    const { uri, dbName } = testDatabase();
    const client = new MongoClient(uri, { maxPoolSize: 1, minPoolSize: 1 });
    try {
      await client.connect();
      const probe = client.db(dbName).collection('w0probe');
      await probe.insertMany([{ n: 1 }, { n: 2 }]);
      const unacknowledged = await probe.deleteMany({ n: 99 }, { writeConcern: { w: 0 } });
      expect(unacknowledged.acknowledged).to.equal(false);
      const next = await probe.find({}).toArray().then(
        (docs) => ({ docs, error: null }),
        (error: Error) => ({ docs: null, error }),
      );
      expect(next.error?.message, 'FerretDB now handles w:0 correctly: the session-sweep workaround may go')
        .to.match(/BSON element "cursor" is missing/);
      await probe.drop();
    } finally {
      await client.close();
    }
  });
});

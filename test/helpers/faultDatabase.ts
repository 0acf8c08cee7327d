/**
 * A database of its own for a fault test: a separate embedded FerretDB that the test may stall (SIGSTOP) or kill
 * without touching the suite's database. While it is in use, the app's models talk to it; `restore()` stops it and
 * reconnects to the suite's database. The app under test listens on loopback only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { connectDatabase, disconnectDatabase } from '../../server/src/db/connection';
import { startFerretdb, type RunningFerretdb, type Supervision } from '../../scripts/ferretdb';
import { testDatabase } from './database';
import { PASSWORD } from './session';

export interface FaultDatabase {
  ferretdb: RunningFerretdb;
  /** Resumes a stalled process, stops it and returns the models to the suite's database. */
  restore(): Promise<void>;
}

export async function aFaultDatabase(
  { supervise, operationTimeoutMs = 1000 }: { supervise?: Supervision; operationTimeoutMs?: number } = {},
): Promise<FaultDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'spoorboek-fault-'));
  const ferretdb = await startFerretdb({ dataDir, supervise });
  await disconnectDatabase();
  await connectDatabase(ferretdb.uri, { dbName: 'spoorboek_fault', serverSelectionTimeoutMs: 1000, operationTimeoutMs, monitorCommands: true });
  return {
    ferretdb,
    async restore() {
      const pid = ferretdb.pid();
      if (pid) process.kill(pid, 'SIGCONT');
      await disconnectDatabase();
      await ferretdb.stop();
      rmSync(dataDir, { recursive: true, force: true });
      const suite = testDatabase();
      await connectDatabase(suite.uri, { dbName: suite.dbName, serverSelectionTimeoutMs: 2000, monitorCommands: true }); // as the root hooks connect
    },
  };
}

/** The app on a loopback port (supertest's own server would listen on every interface). */
export async function onLoopback(app: Express): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    server,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Signs in over HTTP; the account must have PASSWORD and no two-factor. */
export async function signedInAgent(url: string, email: string) {
  const agent = request.agent(url);
  const token = (await agent.get('/api/v1/auth/csrf').expect(200)).body.token as string;
  const login = await agent.post('/api/v1/auth/login').set('x-csrf-token', token).send({ email, password: PASSWORD }).expect(200);
  return { agent, csrf: login.body.csrfToken as string };
}

/** Asks until `accept` holds or `attempts` run out (bounded: a fault test must end). */
export async function until<T>(ask: () => Promise<T>, accept: (value: T) => boolean, { attempts = 40, pauseMs = 250 } = {}): Promise<T> {
  let last: T | undefined;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      last = await ask();
      if (accept(last)) return last;
    } catch {
      // a refused connection counts as "not yet"
    }
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  throw new Error(`condition not reached after ${attempts} attempts; last answer: ${JSON.stringify(last)}`);
}

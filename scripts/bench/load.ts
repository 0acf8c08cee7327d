/**
 * Throughput and fairness under load: a mix of roles (coach, employer, client, company doctor) hammers the real
 * server at 10, 50 and 200 requests in flight, each level for 60 s, and prints throughput and p50/p95/p99 per
 * route for the requests served (p50/p95/p99), how many were refused with 503 (over the in-flight bound, or past
 * their deadline) and how fast, and the audit append's share of the time requests took.
 *
 * `npm run bench:load`. The server runs in a child process of its own (scripts/bench/loadServer.ts) against a
 * throw-away embedded FerretDB with the demo data, or MONGODB_URI. Settings by environment:
 *   BENCH_LOAD_SECONDS  seconds per level (default 60; e.g. 20 for a quick run)
 *   BENCH_LOAD_LEVELS   requests in flight per level, comma-separated (default 10,50,200)
 * Any other variable (e.g. MAX_IN_FLIGHT, REQUEST_TIMEOUT_MS) is handed to the server as it is.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createGuardrails, generate } from 'otplib';
import { reconcileAuditTrail } from '../../server/src/audit/coverage';
import { loadConfig } from '../../server/src/config';
import { connectDatabase, disconnectDatabase } from '../../server/src/db/connection';
import { Client } from '../../server/src/db/models/client';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, seedDemo } from '../../server/src/demo/seed';
import { repoRoot, startFerretdb } from '../ferretdb';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const LEVELS = (process.env.BENCH_LOAD_LEVELS ?? '10,50,200').split(',').map(Number);

interface AuditStats { count: number; totalMs: number }

/** A signed-in browser: its cookies and CSRF token. */
class Session {
  private cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly base: string) {}

  async call(method: string, path: string, body?: object): Promise<{ status: number; body: unknown; retryAfter?: number }> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(180_000),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const text = await response.text();
    const retryAfter = response.headers.get('retry-after');
    return {
      status: response.status,
      body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
      ...(retryAfter ? { retryAfter: Number(retryAfter) } : {}),
    };
  }

  static async signIn(base: string, email: string, mfa = false): Promise<Session> {
    const session = new Session(base);
    session.csrf = ((await session.call('GET', '/api/v1/auth/csrf')).body as { token: string }).token;
    const login = await session.call('POST', '/api/v1/auth/login', { email, password: DEMO_PASSWORD });
    if (login.status !== 200) throw new Error(`sign-in of ${email}: ${login.status} ${JSON.stringify(login.body)}`);
    session.csrf = (login.body as { csrfToken: string }).csrfToken;
    if (mfa) {
      const code = await generate({ secret: DEMO_TOTP_SECRET, guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });
      const verified = await session.call('POST', '/api/v1/auth/mfa', { code });
      if (verified.status !== 200) throw new Error(`two-factor of ${email}: ${verified.status}`);
      session.csrf = (verified.body as { csrfToken: string }).csrfToken;
    }
    return session;
  }
}

interface Operation { label: string; weight: number; run: () => Promise<{ status: number; retryAfter?: number }> }

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(join(repoRoot, 'scripts/bench/loadServer.ts'), [], {
    env, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    child.on('message', (message: { type: string; port?: number }) => {
      if (message.type === 'listening') resolve({ child, port: message.port! });
    });
  });
}

function auditStats(child: ChildProcess): Promise<AuditStats> {
  return new Promise((resolve) => {
    const listen = (message: { type: string; stats?: AuditStats }) => {
      if (message.type !== 'stats') return;
      child.off('message', listen);
      resolve(message.stats!);
    };
    child.on('message', listen);
    child.send({ type: 'stats' });
  });
}

async function runLevel(inFlight: number, operations: Operation[], child: ChildProcess) {
  const totalWeight = operations.reduce((sum, operation) => sum + operation.weight, 0);
  const pick = () => {
    let roll = Math.random() * totalWeight;
    for (const operation of operations) if ((roll -= operation.weight) < 0) return operation;
    return operations.at(-1)!;
  };
  const samples = new Map<string, { ms: number[]; statuses: number[] }>();
  const before = await auditStats(child);
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (performance.now() < until) {
      const operation = pick();
      const begin = performance.now();
      let status: number;
      let retryAfter: number | undefined;
      try {
        ({ status, retryAfter } = await operation.run());
      } catch {
        status = 0; // connection refused or reset
      }
      const ms = performance.now() - begin;
      // A refused caller waits as told (Retry-After), as a well-behaved client does.
      if (status === 503 && retryAfter) await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
      const entry = samples.get(operation.label) ?? { ms: [] as number[], statuses: [] as number[] };
      entry.ms.push(ms);
      entry.statuses.push(status);
      samples.set(operation.label, entry);
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  const after = await auditStats(child);
  const total = [...samples.values()].reduce((sum, entry) => sum + entry.ms.length, 0);
  const requestMs = [...samples.values()].reduce((sum, entry) => sum + entry.ms.reduce((a, b) => a + b, 0), 0);
  const appends = after.count - before.count;
  const appendMs = after.totalMs - before.totalMs;

  const served = (entry: { ms: number[]; statuses: number[] }) => entry.ms.filter((_, index) => ![0, 503].includes(entry.statuses[index]!));
  const all = [...samples.values()];
  const servedCount = all.reduce((sum, entry) => sum + served(entry).length, 0);
  console.log(`\n## ${inFlight} callers, ${elapsed.toFixed(0)} s: ${total} requests, ${(servedCount / elapsed).toFixed(1)} served/s, ` +
    `${total - servedCount} refused (503) or failed`);
  console.log('| route | served | served/s | p50 ms | p95 ms | p99 ms | 503 | 503 p50 ms | statuses |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const operation of operations) {
    const entry = samples.get(operation.label);
    if (!entry) continue;
    const ok = served(entry).sort((a, b) => a - b);
    const refused = entry.ms.filter((_, index) => entry.statuses[index] === 503).sort((a, b) => a - b);
    const counts = new Map<number, number>();
    for (const status of entry.statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
    const statuses = [...counts].sort(([a], [b]) => a - b).map(([code, count]) => `${code}×${count}`).join(' ');
    console.log(`| ${operation.label} | ${ok.length} | ${(ok.length / elapsed).toFixed(1)} | ${percentile(ok, 0.5).toFixed(0)} | ` +
      `${percentile(ok, 0.95).toFixed(0)} | ${percentile(ok, 0.99).toFixed(0)} | ${refused.length} | ${refused.length ? percentile(refused, 0.5).toFixed(0) : '–'} | ${statuses} |`);
  }
  console.log(`audit append: ${appends} events (${(appends / elapsed).toFixed(1)}/s), mean wait ${(appendMs / Math.max(1, appends)).toFixed(1)} ms ` +
    `per append, ${((appendMs / Math.max(1, requestMs)) * 100).toFixed(1)}% of all request time`);
}

const dataDir = mkdtempSync(join(tmpdir(), 'spoorboek-load-'));
const embedded = process.env.MONGODB_URI ? null : await startFerretdb({ dataDir: join(dataDir, 'ferretdb') });
const baseUri = process.env.MONGODB_URI ?? embedded!.uri;
let server: ChildProcess | undefined;
try {
  const secrets = { MASTER_KEY: randomBytes(32).toString('base64'), SESSION_SECRET: randomBytes(48).toString('base64') };
  const uri = new URL(baseUri);
  uri.pathname = `/spoorboek_load_${randomBytes(3).toString('hex')}`;
  const config = loadConfig({ NODE_ENV: 'development', MONGODB_URI: uri.toString(), DATA_DIR: dataDir, ...secrets });
  await connectDatabase(uri.toString());
  await seedDemo(config);
  await reconcileAuditTrail('demogegevens geladen');
  const jan = String((await Client.findOne({ firstName: 'Jan' }).lean())!._id);
  await disconnectDatabase();

  const started = await startServer({
    ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'error', DATA_DIR: dataDir,
    MONGODB_URI: uri.toString(), ...secrets,
  });
  server = started.child;
  const base = `http://127.0.0.1:${started.port}`;
  const coach = await Session.signIn(base, 'coach.anna@demo.spoorboek.nl');
  const employer = await Session.signIn(base, 'hr@bakkerij-vos.demo');
  const client = await Session.signIn(base, 'jan@client.demo');
  const doctor = await Session.signIn(base, 'arts.claes@demo.spoorboek.nl', true);
  const dossier = `/api/v1/clients/${jan}`;
  const operations: Operation[] = [
    { label: 'coach GET /me (no audit)', weight: 2, run: () => coach.call('GET', '/api/v1/me') },
    { label: 'coach GET /clients (no audit)', weight: 2, run: () => coach.call('GET', '/api/v1/clients') },
    { label: 'coach GET …/consults (audit)', weight: 3, run: () => coach.call('GET', `${dossier}/consults`) },
    { label: 'coach GET …/health/fml-capacities (health, audit)', weight: 1, run: () => coach.call('GET', `${dossier}/health/fml-capacities`) },
    {
      label: 'coach POST …/activities (write, audit)', weight: 1,
      run: () => coach.call('POST', `${dossier}/activities`, { date: '2026-11-20', kind: 'phone', minutes: 10 }),
    },
    { label: 'employer GET /employer/employees', weight: 1, run: () => employer.call('GET', '/api/v1/employer/employees') },
    { label: 'employer GET /employer/reports (audit)', weight: 1, run: () => employer.call('GET', '/api/v1/employer/reports') },
    { label: 'employer GET …/health (403, audit)', weight: 1, run: () => employer.call('GET', `${dossier}/health`) },
    { label: 'client GET …/consults (audit)', weight: 1, run: () => client.call('GET', `${dossier}/consults`) },
    { label: 'client GET …/access-log', weight: 1, run: () => client.call('GET', `${dossier}/access-log`) },
    { label: 'doctor GET …/health (health, audit)', weight: 1, run: () => doctor.call('GET', `${dossier}/health`) },
  ];
  console.log(`# load: levels ${LEVELS.join(', ')} in flight, ${SECONDS} s each, ${embedded ? 'embedded FerretDB' : 'MONGODB_URI'}`);
  for (const level of LEVELS) await runLevel(level, operations, server);
} finally {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.send({ type: 'stop' });
    await exited;
  }
  await embedded?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

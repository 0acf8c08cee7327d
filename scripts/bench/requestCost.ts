/**
 * What a request costs, measured in one run against a throw-away embedded database with the demo data:
 * every figure is printed as a ratio to the cheapest signed-in request (GET /api/v1/me), so the numbers compare
 * across machines. `npm run bench` (or with MONGODB_URI for a real MongoDB). Not part of `npm test`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { createApp } from '../../server/src/app';
import { appendAuditEvent } from '../../server/src/audit/record';
import { loadConfig } from '../../server/src/config';
import { connectDatabase, disconnectDatabase } from '../../server/src/db/connection';
import { Types } from 'mongoose';
import { Client } from '../../server/src/db/models/client';
import { User } from '../../server/src/db/models/user';
import { Consult } from '../../server/src/modules/consults/model';
import { Activity } from '../../server/src/modules/activities/model';
import { DataExport } from '../../server/src/modules/exports/model';
import { Lock } from '../../server/src/crypto/envelope';
import { DEMO_PASSWORD, seedDemo } from '../../server/src/demo/seed';
import { createLogger } from '../../server/src/logger';
import { startFerretdb } from '../ferretdb';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
/** Other clients (each with five consults) besides the demo's, to see how the costs grow with the bureau. */
const EXTRA_CLIENTS = Number(process.env.BENCH_CLIENTS ?? 0);

async function time(label: string, run: () => Promise<unknown>, rounds = ROUNDS) {
  for (let i = 0; i < 5; i += 1) await run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { label, median: samples[Math.floor(samples.length / 2)]!, p95: samples[Math.floor(samples.length * 0.95)]! };
}

async function addClients(count: number) {
  const trajectory = { kind: 'spoor1', status: 'active', startDate: new Date('2026-01-01') };
  for (let start = 0; start < count; start += 500) {
    const clients = Array.from({ length: Math.min(500, count - start) }, (_, index) => ({
      _id: new Types.ObjectId(), firstName: `Cliënt${start + index}`, lastName: 'Bench', trajectory, coachId: new Types.ObjectId(),
    }));
    await Client.insertMany(clients);
    await Consult.insertMany(clients.flatMap((client) => Array.from({ length: 5 }, () => ({
      clientId: client._id, coachId: client.coachId, date: new Date(), durationMinutes: 30, kind: 'progress', summary: 'enc1:AAAA', status: 'approved',
    }))));
  }
}

/** A coach with a large caseload: the list decrypts every name of the caller's slice to search and sort. */
const BIG_CASELOAD = Number(process.env.BENCH_CASELOAD ?? 200);
async function addCaseload(coachId: Types.ObjectId, count: number) {
  const trajectory = { kind: 'spoor1', status: 'active', startDate: new Date('2026-01-01') };
  await Client.insertMany(Array.from({ length: count }, (_, index) => ({ firstName: `Bench${index}`, lastName: 'Caseload', trajectory, coachId })));
}

/** The export job's cost: a dossier of this many records (consults and activities with sealed text). */
const EXPORT_ITEMS = Number(process.env.BENCH_EXPORT_ITEMS ?? 2000);
async function benchExport(clientId: string, agent: ReturnType<typeof request.agent>) {
  const lock = await Lock.for(clientId, 'process');
  const consults = Array.from({ length: EXPORT_ITEMS / 2 }, (_, index) => {
    const _id = new Types.ObjectId();
    const summary = `Gesprek ${index}: ${'Jan bespreekt zijn voortgang en de afspraken voor de komende weken. '.repeat(6)}`;
    return {
      _id, clientId, coachId: new Types.ObjectId(), date: new Date(), durationMinutes: 45, kind: 'progress', status: 'approved',
      summary: lock.seal(summary, `Consult:${String(_id)}`, 'summary'),
      revisions: [{ summary: lock.seal(summary, `Consult:${String(_id)}`, 'revisions.0.summary'), date: new Date(), durationMinutes: 45, kind: 'progress', by: new Types.ObjectId(), at: new Date() }],
    };
  });
  const activities = Array.from({ length: EXPORT_ITEMS / 2 }, (_, index) => {
    const _id = new Types.ObjectId();
    return { _id, clientId, authorId: new Types.ObjectId(), date: new Date(), kind: 'phone', minutes: 15, note: lock.seal(`Telefoontje ${index}`, `Activity:${String(_id)}`, 'note') };
  });
  for (let start = 0; start < consults.length; start += 250) {
    await Consult.insertMany(consults.slice(start, start + 250));
    await Activity.insertMany(activities.slice(start, start + 250));
  }
  const { token } = (await agent.get('/api/v1/auth/csrf')).body as { token: string };
  global.gc?.();
  const idle = process.memoryUsage();
  let peakHeap = idle.heapUsed;
  let peakRss = idle.rss;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  }, 10);
  const started = performance.now();
  const job = (await agent.post(`/api/v1/clients/${clientId}/exports`).set('x-csrf-token', token).expect(201)).body as { _id: string };
  let status = 'queued';
  while (['queued', 'running'].includes(status)) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    status = ((await agent.get(`/api/v1/clients/${clientId}/exports/${job._id}`).expect(200)).body as { status: string }).status;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (status !== 'ready') throw new Error(`export ended ${status}`);
  const stored = await DataExport.findById(job._id).lean();
  return { seconds, bytes: stored?.size ?? 0, heapMiB: (peakHeap - idle.heapUsed) / 1024 / 1024, rssMiB: (peakRss - idle.rss) / 1024 / 1024 };
}

const dataDir = mkdtempSync(join(tmpdir(), 'spoorboek-bench-'));
const embedded = process.env.MONGODB_URI ? null : await startFerretdb({ dataDir });
const uri = process.env.MONGODB_URI ?? embedded!.uri;
try {
  const config = loadConfig({ NODE_ENV: 'test', MONGODB_URI: uri, LOG_LEVEL: 'silent', MASTER_KEY: randomBytes(32).toString('base64') });
  await connectDatabase(uri, { dbName: `spoorboek_bench_${randomBytes(3).toString('hex')}` });
  await seedDemo(config);
  if (EXTRA_CLIENTS > 0) await addClients(EXTRA_CLIENTS);
  const app = createApp({ config, logger: createLogger({ level: 'silent' }) });
  const signIn = async (email: string) => {
    const agent = request.agent(app);
    const { token } = (await agent.get('/api/v1/auth/csrf')).body as { token: string };
    await agent.post('/api/v1/auth/login').set('x-csrf-token', token).send({ email, password: DEMO_PASSWORD }).expect(200);
    return agent;
  };
  const anna = await signIn('coach.anna@demo.spoorboek.nl');
  const bram = await signIn('coach.bram@demo.spoorboek.nl');
  await addCaseload((await User.findOne({ email: 'coach.bram@demo.spoorboek.nl' }).lean())!._id, BIG_CASELOAD);
  const hr = await signIn('hr@bakkerij-vos.demo');
  const jan = String((await User.findOne({ email: 'jan@client.demo' }).lean())!.clientId);

  // Warm-up of every route before the first measurement: the baseline (`/me`, measured first) was taken right
  // after the bulk insert, while the database was still busy with it, and looked inflated.
  for (let i = 0; i < 20; i += 1) {
    await anna.get('/api/v1/me').expect(200);
    await anna.get('/api/v1/clients').expect(200);
    await anna.get(`/api/v1/clients/${jan}/consults`).expect(200);
    await anna.get(`/api/v1/clients/${jan}/health/fml-capacities`).expect(200);
  }
  const results = [
    await time('GET /me (baseline: session, facts, ability)', () => anna.get('/api/v1/me').expect(200)),
    await time('GET /healthz (no session, no database)', () => request(app).get('/healthz').expect(200)),
    await time('GET /clients (caseload list)', () => anna.get('/api/v1/clients').expect(200)),
    await time(`GET /clients?search= (a caseload of ${BIG_CASELOAD}, names sealed)`, () => bram.get('/api/v1/clients?search=bench7').expect(200), Math.ceil(ROUNDS / 4)),
    await time('GET consults of Jan (scoped list, decrypt, audit search)', () => anna.get(`/api/v1/clients/${jan}/consults`).expect(200)),
    await time('GET FML capacities of Jan (health, consent, audit)', () => anna.get(`/api/v1/clients/${jan}/health/fml-capacities`).expect(200)),
    await time('employer refused at the health wall (audited)', () => hr.get(`/api/v1/clients/${jan}/health`).expect(403)),
  ];
  const audit = (n: number) => appendAuditEvent({
    action: 'read', outcome: 'allowed', reason: 'bench', clientId: null,
    actor: { userId: null, name: 'bench', roles: [], organisationId: null }, accessPoint: { ip: null, userAgent: null },
    object: { type: 'AuditEvent', id: String(n), compartment: 'system' },
  });
  results.push(await time('audit append, one writer', () => audit(0)));
  results.push(await time('audit append, 4 writers at once (per append)', async () => {
    await Promise.all([1, 2, 3, 4].map(audit));
  }, Math.ceil(ROUNDS / 4)));
  results[results.length - 1]!.median /= 4;
  results[results.length - 1]!.p95 /= 4;

  const exportRun = await benchExport(jan, await signIn('jan@client.demo'));

  const baseline = results[0]!.median;
  console.log(`\nrequest cost, ${ROUNDS} rounds each, ${EXTRA_CLIENTS} extra clients, ratios to ${results[0]!.label}:\n`);
  for (const { label, median, p95 } of results) {
    console.log(`  ${(median / baseline).toFixed(2).padStart(6)}×  median ${median.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  ${label}`);
  }
  console.log(`\nexport of a ${EXPORT_ITEMS}-item dossier (ZIP with JSON, PDF; background job): ${exportRun.seconds.toFixed(1)} s, `
    + `ZIP ${(exportRun.bytes / 1024 / 1024).toFixed(1)} MiB, peak heap +${exportRun.heapMiB.toFixed(0)} MiB, peak RSS +${exportRun.rssMiB.toFixed(0)} MiB over the idle process`);
  await disconnectDatabase();
} finally {
  await embedded?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * What authorization costs: each main route through the real app beside its unprotected twin — the same query
 * on the same data with `.lean()`, no session, policy, decryption or audit — in the same run, alternating, after
 * a warm-up. Per route: p50/p95 of both, the ratio with the audit write and without it (the audit commands' own
 * durations, from the driver's command monitoring, taken off the request), and the commands the request sends.
 *
 * `BENCH_CLIENTS=100,1000` adds that many other clients with realistic dossiers (sealed text of realistic length,
 * revisions, activities, data keys), one size after the other in the same database. The twins are mounted only
 * in this process (`extraRoutes`), never in the app. `BENCH_ROUNDS` (default 30) per route and size.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import express from 'express';
import mongoose, { Types } from 'mongoose';
import type { CommandStartedEvent, CommandSucceededEvent, MongoClient } from 'mongodb';
import { createApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { connectDatabase, disconnectDatabase } from '../../server/src/db/connection';
import type { RecordedCommand } from '../../server/src/db/commandLog';
import { Client } from '../../server/src/db/models/client';
import { User } from '../../server/src/db/models/user';
import { Lock } from '../../server/src/crypto/envelope';
import { Activity } from '../../server/src/modules/activities/model';
import { Consult } from '../../server/src/modules/consults/model';
import { HealthDocument, HealthRecord } from '../../server/src/modules/health/model';
import { Report } from '../../server/src/modules/reports/model';
import { seedDemo } from '../../server/src/demo/seed';
import { createLogger } from '../../server/src/logger';
import { startFerretdb } from '../ferretdb';
import { DEMO_EMAILS, demoRoutes, signInDemo, type Agent, type DemoRole } from './demoRoutes';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const SIZES = (process.env.BENCH_CLIENTS ?? '0').split(',').map(Number).filter((size) => Number.isFinite(size) && size >= 0);
const CONSULTS_PER_CLIENT = 10;
const ACTIVITIES_PER_CLIENT = 10;

/** The unprotected twins: the same query the route makes, on the same data, with `.lean()` and nothing else. */
function twinRoutes(ids: { anna: string; hrVosOrg: string; jan: string }) {
  const twins = express.Router();
  const send = (load: () => Promise<unknown>): express.RequestHandler => async (_req, res) => {
    res.json(await load());
  };
  twins.get('/twin/me', send(() => User.findById(ids.anna, { name: 1, roles: 1, organisationId: 1 }).lean()));
  twins.get('/twin/coach-clients', send(() => Client.find({ coachId: ids.anna }).lean()));
  twins.get('/twin/client', send(() => Client.findById(ids.jan).lean()));
  twins.get('/twin/consults', send(() => Consult.find({ clientId: ids.jan }).sort({ date: -1, createdAt: -1 }).lean()));
  twins.get('/twin/reports', send(() => Report.find({ clientId: ids.jan }).lean()));
  twins.get('/twin/activities', send(() => Activity.find({ clientId: ids.jan }).sort({ date: -1 }).lean()));
  twins.get('/twin/fml', send(() => HealthRecord.find({ clientId: ids.jan, kind: 'fml' }).sort({ date: -1, createdAt: -1 }).lean()));
  twins.get('/twin/health', send(async () => [
    await HealthRecord.find({ clientId: ids.jan }).lean(), await HealthDocument.find({ clientId: ids.jan }).lean(),
  ]));
  twins.get('/twin/employer-clients', send(() => Client.find({ employerId: ids.hrVosOrg }).lean()));
  return twins;
}

const TWIN_OF: Record<string, string> = {
  'coach GET /api/v1/me': '/twin/me',
  'coach GET /api/v1/clients': '/twin/coach-clients',
  'coach GET /api/v1/clients/:clientId': '/twin/client',
  'coach GET /api/v1/clients/:clientId/consults': '/twin/consults',
  'coach GET /api/v1/clients/:clientId/reports': '/twin/reports',
  'coach GET /api/v1/clients/:clientId/activities': '/twin/activities',
  'coach GET /api/v1/clients/:clientId/health/fml-capacities': '/twin/fml',
  'company_doctor GET /api/v1/clients/:clientId/health': '/twin/health',
  'employer GET /api/v1/clients': '/twin/employer-clients',
  'client GET /api/v1/clients/:clientId/consults': '/twin/consults',
};

const SUMMARY = 'Jan vertelt dat de opbouw in uren goed gaat. Hij werkt nu drie ochtenden per week in aangepast werk en merkt '
  + 'dat hij na de lunch moe wordt. We spreken af dat hij de komende twee weken een logboek bijhoudt en dat hij bij '
  + 'de werkgever aangeeft welke taken nog te zwaar zijn. Volgende afspraak over drie weken, dan bespreken we ook '
  + 'de mogelijkheden voor scholing en het gesprek met de arbeidsdeskundige. ';

/** Other clients with realistic dossiers: data keys, sealed consults with a revision each, sealed activity notes. */
async function addClients(count: number, offset: number) {
  const trajectory = { kind: 'spoor2', status: 'active', startDate: new Date('2026-01-01') };
  for (let start = 0; start < count; start += 100) {
    const clients = Array.from({ length: Math.min(100, count - start) }, (_, index) => ({
      _id: new Types.ObjectId(), firstName: `Cliënt${offset + start + index}`, lastName: 'Bench', trajectory, coachId: new Types.ObjectId(),
    }));
    await Client.insertMany(clients);
    const consults = [];
    const activities = [];
    for (const client of clients) {
      const lock = await Lock.for(client._id, 'process'); // creates the client's data key, as real use does
      for (let i = 0; i < CONSULTS_PER_CLIENT; i += 1) {
        const _id = new Types.ObjectId();
        const at = `Consult:${String(_id)}`;
        consults.push({
          _id, clientId: client._id, coachId: client.coachId, date: new Date(), durationMinutes: 45, kind: 'progress', status: 'approved',
          summary: lock.seal(`${SUMMARY}(${i})`, at, 'summary'),
          revisions: [{ summary: lock.seal(`${SUMMARY}(${i})`, at, 'revisions.0.summary'), date: new Date(), durationMinutes: 45, kind: 'progress', by: client.coachId, at: new Date(), sentAt: new Date() }],
          approvedAt: new Date(),
        });
      }
      for (let i = 0; i < ACTIVITIES_PER_CLIENT; i += 1) {
        const _id = new Types.ObjectId();
        activities.push({ _id, clientId: client._id, authorId: client.coachId, date: new Date(), kind: 'phone', minutes: 15, note: lock.seal(`Telefoongesprek over de voortgang (${i}).`, `Activity:${String(_id)}`, 'note') });
      }
    }
    await Consult.insertMany(consults);
    await Activity.insertMany(activities);
  }
}

/** The driver's own timing of the audit chain's commands, summed between two readings (requests run one at a time). */
function auditClock(client: MongoClient) {
  const auditRequests = new Set<number>();
  let spent = 0;
  client.on('commandStarted', (event: CommandStartedEvent) => {
    const target = event.command[event.commandName] as unknown;
    if (target === 'auditevents' || target === 'auditheads') auditRequests.add(event.requestId);
  });
  client.on('commandSucceeded', (event: CommandSucceededEvent) => {
    if (auditRequests.delete(event.requestId)) spent += event.duration;
  });
  return { read: () => spent };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;

const dataDir = mkdtempSync(join(tmpdir(), 'spoorboek-bench-'));
const embedded = process.env.MONGODB_URI ? null : await startFerretdb({ dataDir });
const uri = process.env.MONGODB_URI ?? embedded!.uri;
try {
  const config = loadConfig({ NODE_ENV: 'test', MONGODB_URI: uri, LOG_LEVEL: 'silent', MASTER_KEY: randomBytes(32).toString('base64') });
  await connectDatabase(uri, { dbName: `spoorboek_bench_${randomBytes(3).toString('hex')}`, monitorCommands: true, operationTimeoutMs: 120_000 });
  await seedDemo(config);
  const anna = (await User.findOne({ email: DEMO_EMAILS.coach }).lean())!;
  const hrVos = (await User.findOne({ email: DEMO_EMAILS.employer }).lean())!;
  const jan = (await User.findOne({ email: DEMO_EMAILS.client }).lean())!;
  let lastCommands: RecordedCommand[] = [];
  const app = createApp({
    config, logger: createLogger({ level: 'silent' }),
    extraRoutes: twinRoutes({ anna: String(anna._id), hrVosOrg: String(hrVos.organisationId), jan: String(jan.clientId) }),
    onRequestCommands: (_request, commands) => {
      lastCommands = commands;
    },
  });
  const clock = auditClock(mongoose.connection.getClient() as unknown as MongoClient);
  const agents = new Map<DemoRole, Agent>();
  for (const role of Object.keys(DEMO_EMAILS) as DemoRole[]) agents.set(role, await signInDemo(app, DEMO_EMAILS[role]));
  const routes = (await demoRoutes()).filter((route) => TWIN_OF[route.key]);
  const twinAgent = agents.get('coach')!; // the twins ignore the session; the same HTTP stack carries both

  let added = 0;
  for (const size of SIZES) {
    if (size > added) {
      const started = performance.now();
      await addClients(size - added, added);
      console.log(`\n(added ${size - added} clients with ${CONSULTS_PER_CLIENT} consults and ${ACTIVITIES_PER_CLIENT} activities each in ${((performance.now() - started) / 1000).toFixed(0)} s)`);
      added = size;
    }
    // Warm-up: every route and twin a few times, so the baseline is not taken right after the bulk insert.
    for (let i = 0; i < 3; i += 1) {
      for (const route of routes) {
        await agents.get(route.as as DemoRole)!.get(route.path).expect(route.status);
        await twinAgent.get(TWIN_OF[route.key]!).expect(200);
      }
    }
    const rounds = size >= 1000 ? Math.max(5, Math.ceil(ROUNDS / 3)) : ROUNDS;
    console.log(`\nauthorization overhead, ${size} extra clients, ${rounds} rounds per route (alternating app and twin):\n`);
    console.log('  route                                                    app p50/p95 ms    twin p50/p95 ms   ratio  w/o audit  commands');
    for (const route of routes) {
      const agent = agents.get(route.as as DemoRole)!;
      const app: number[] = [];
      const withoutAudit: number[] = [];
      const twin: number[] = [];
      let commands = 0;
      for (let i = 0; i < rounds; i += 1) {
        const auditBefore = clock.read();
        const start = performance.now();
        await agent.get(route.path).expect(route.status);
        const spent = performance.now() - start;
        app.push(spent);
        withoutAudit.push(spent - (clock.read() - auditBefore));
        commands = lastCommands.length;
        const twinStart = performance.now();
        await twinAgent.get(TWIN_OF[route.key]!).expect(200);
        twin.push(performance.now() - twinStart);
      }
      for (const samples of [app, withoutAudit, twin]) samples.sort((a, b) => a - b);
      const p50 = quantile(app, 0.5);
      const twin50 = quantile(twin, 0.5);
      console.log(`  ${route.key.padEnd(56)} ${p50.toFixed(1).padStart(7)} / ${quantile(app, 0.95).toFixed(1).padStart(7)}`
        + `  ${twin50.toFixed(1).padStart(7)} / ${quantile(twin, 0.95).toFixed(1).padStart(7)}`
        + `  ${(p50 / twin50).toFixed(2).padStart(5)}×  ${(quantile(withoutAudit, 0.5) / twin50).toFixed(2).padStart(6)}×  ${String(commands).padStart(5)}`);
    }
  }
  await disconnectDatabase();
} finally {
  await embedded?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

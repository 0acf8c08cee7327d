/**
 * The actor's facts are cached between requests under the bureau's facts stamp. A stale cache would let a coach
 * who lost a client, an employer whose employee left, or a substitute whose handover ended keep reading: each
 * source of facts gets its own test that warms the cache first and then changes that source.
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import type { RecordedCommand } from '../../server/src/db/commandLog';
import { Client } from '../../server/src/db/models/client';
import { User } from '../../server/src/db/models/user';
import { Handover } from '../../server/src/db/models/consent';
import { FactsVersion } from '../../server/src/policy/factsVersion';
import { testApp, type TestApp } from '../helpers/app';
import { observeRequestCommands } from '../helpers/commands';
import { apiAs, type Api } from '../helpers/session';
import { aWorld, type World } from '../helpers/world';

describe('the actor’s facts, cached between requests', () => {
  let t: TestApp;
  let world: World;
  let anna: Api;
  let commands: Map<string, number>;
  const id = (value: unknown) => String(value);
  const client = (name: 'jan' | 'fatima' | 'sanne') => `/api/v1/clients/${id(world.clients[name]._id)}`;

  beforeEach(async () => {
    commands = new Map();
    t = testApp({
      deps: {
        onRequestCommands: (request, sent: RecordedCommand[]) => {
          commands.set(`${request.method} ${request.route}`, sent.length);
          observeRequestCommands(request, sent); // the shard-key rule still applies
        },
      },
    });
    world = await aWorld();
    anna = await apiAs(t.app, t.config, world.users.anna);
  });

  it('are read from memory while nothing changed: a repeated request sends fewer commands', async () => {
    await anna.get(client('jan')).expect(200); // loads and caches
    await anna.get(client('jan')).expect(200);
    const cached = commands.get('GET /api/v1/clients/:clientId')!;
    await FactsVersion.updateOne({ _id: 'facts' }, { $inc: { n: 1 } }, { upsert: true }); // any change elsewhere
    await anna.get(client('jan')).expect(200);
    expect(commands.get('GET /api/v1/clients/:clientId')).to.be.greaterThan(cached);
  });

  it('follow a reassignment at once (assignments, by the administrator)', async () => {
    const admin = await apiAs(t.app, t.config, world.users.admin);
    await anna.get(client('jan')).expect(200);
    await admin.put(`${client('jan')}/assignments`, { coachId: id(world.users.bram._id) }).expect(200);
    await anna.get(client('jan')).expect(403);
    await anna.get(client('sanne')).expect(403);
    await admin.put(`${client('sanne')}/assignments`, { coachId: id(world.users.anna._id) }).expect(200);
    await anna.get(client('sanne')).expect(200);
  });

  it('follow a change of employer, however it is written (a document saved)', async () => {
    const hrVos = await apiAs(t.app, t.config, world.users.hrVos);
    const listed = async () => ((await hrVos.get('/api/v1/clients').expect(200)).body as { items: { _id: string }[] }).items.map((entry) => entry._id);
    expect(await listed()).to.include(id(world.clients.jan._id));
    const jan = (await Client.findById(world.clients.jan._id))!;
    jan.employerId = world.organisations.el._id;
    await jan.save();
    expect(await listed()).not.to.include(id(world.clients.jan._id));
  });

  it('follow a withdrawn consent (the client withdraws it in the portal)', async () => {
    const janApi = await apiAs(t.app, t.config, world.users.janUser);
    await anna.get(`${client('jan')}/health/fml-capacities`).expect(200);
    await janApi.post(`${client('jan')}/consents/${id(world.consents.janFml._id)}/withdraw`).expect(200);
    await anna.get(`${client('jan')}/health/fml-capacities`).expect(403);
  });

  it('follow a handover granted and one deleted', async () => {
    await anna.get(client('sanne')).expect(403);
    await world.handoverOfSanneToAnna(new Date(Date.now() + 10 * world.DAY), true);
    await anna.get(client('sanne')).expect(200);
    await Handover.deleteMany({ clientId: world.clients.sanne._id });
    await anna.get(client('sanne')).expect(403);
  });

  it('end with a handover’s period, with no write at all', async () => {
    await world.handoverOfSanneToAnna(new Date(Date.now() + 1500), true);
    await anna.get(client('sanne')).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    await anna.get(client('sanne')).expect(403);
  });

  it('follow a restriction of processing set and lifted by the privacy officer', async () => {
    const officer = await apiAs(t.app, t.config, world.users.privacy);
    const activity = { date: '2026-11-20', kind: 'phone', minutes: 5 };
    await anna.post(`${client('jan')}/activities`, activity).expect(201);
    await officer.post(`/api/v1/privacy/clients/${id(world.clients.jan._id)}/restriction`, {}).expect(200);
    await anna.post(`${client('jan')}/activities`, activity).expect(423);
    await officer.delete(`/api/v1/privacy/clients/${id(world.clients.jan._id)}/restriction`).expect(200);
    await anna.post(`${client('jan')}/activities`, activity).expect(201);
  });

  it('follow a change of roles and a disabled account', async () => {
    await anna.get(client('jan')).expect(200);
    await User.updateOne({ _id: world.users.anna._id }, { $set: { roles: ['labour_expert'] } });
    await anna.get(client('jan')).expect(403);
    await User.updateOne({ _id: world.users.anna._id }, { $set: { roles: ['coach'], disabled: true } });
    await anna.get(client('jan')).expect(401);
  });

  it('are not cached while a change may be under way (a writer that stopped between its steps)', async () => {
    await FactsVersion.updateOne({ _id: 'facts' }, { $inc: { pending: 1 } }, { upsert: true });
    await anna.get(client('sanne')).expect(403);
    // A write that bypasses the stamp entirely: only an unsettled stamp keeps it from being missed.
    await mongoose.connection.collection('clients').updateOne({ _id: world.clients.sanne._id }, { $set: { coachId: world.users.anna._id } });
    await anna.get(client('sanne')).expect(200);
  });
});

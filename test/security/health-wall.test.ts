/**
 * The wall around the health dossier. Every route under /health is taken from the Express router and called
 * with every method by employers of every kind; new routes are covered automatically.
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import { EMPLOYER_HEALTH_BAN } from '@spoorboek/shared/policy/rules';
import { Client } from '../../server/src/db/models/client';
import { testApp, type TestApp } from '../helpers/app';
import { listApiRoutes } from '../helpers/routes';
import { sampleBodies } from '../helpers/samples';
import { apiAs, type Api } from '../helpers/session';
import { aUser, aWorld, type World } from '../helpers/world';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const HEALTH_CONTENT = /Medische toelichting|Beperkt belastbaar|Medische aantekening|AD-rapport|4\.13|max\. 5 kg/;

describe('the health dossier’s wall', function () {
  this.timeout(120_000);
  let t: TestApp;
  let world: World;

  beforeEach(async () => {
    t = testApp();
    world = await aWorld();
  });

  const deniedHealthEvents = () => mongoose.connection.db!.collection('auditevents')
    .countDocuments({ outcome: 'denied', 'object.compartment': 'health' });

  async function employers(): Promise<[string, Api][]> {
    const { vos } = world.organisations;
    // Employers who are also something else: the ban wins over every other role (docs/design.md §1).
    const alsoCoach = await aUser('Werkgever en coach', ['employer', 'coach'], { organisationId: vos._id });
    const alsoDoctor = await aUser('Werkgever en arts', ['employer', 'company_doctor'], { organisationId: vos._id });
    const alsoClient = await aUser('Werkgever en cliënt', ['employer', 'client'], { organisationId: vos._id, clientId: world.clients.fatima._id });
    await Client.updateOne({ _id: world.clients.jan._id }, { coachId: alsoCoach._id, companyDoctorId: alsoDoctor._id });
    // The world's FML consent for Jan stands: as a coach alone, the first of these would see Jan's capacities.
    return [
      ['hr@vos', await apiAs(t.app, t.config, world.users.hrVos)],
      ['employer + coach of Jan', await apiAs(t.app, t.config, alsoCoach)],
      ['employer + company doctor of Jan', await apiAs(t.app, t.config, alsoDoctor)],
      ['employer + client', await apiAs(t.app, t.config, alsoClient)],
    ];
  }

  it('refuses every employer on every health route with every method, for real and forged clients, and records each attempt', async () => {
    const routes = listApiRoutes(t.config).filter((route) => route.path.includes('/health'));
    expect(routes.length).to.be.at.least(10);
    const bodies = sampleBodies(world);
    const clientIds = [
      String(world.clients.jan._id), // their own employee
      String(world.clients.sanne._id), // another employer's employee
      new mongoose.Types.ObjectId().toHexString(), // forged: no such client
      'not-an-id', // forged: not even an id
    ];
    const ids = { recordId: String(world.health.janFml._id), documentId: String(world.health.janMedicalFile._id) };
    let attempts = 0;
    for (const [who, api] of await employers()) {
      for (const route of routes) {
        for (const method of METHODS) {
          // Every kind of client id comes round for every route and employer, one per method (keeps the run short).
          const clientId = clientIds[attempts % clientIds.length]!;
          const path = route.path.replace(/:(\w+)/g, (_, name: string) => (name === 'clientId' ? clientId : ids[name as keyof typeof ids] ?? clientId));
          const before = await deniedHealthEvents();
          const response = method === 'get' ? await api.get(path) : method === 'delete' ? await api.delete(path)
            : await api[method](path, bodies[`post ${route.path}`] ?? {});
          attempts += 1;
          expect(response.status, `${who}: ${method} ${path}`).to.equal(403);
          expect(response.headers['content-type']).to.match(/application\/problem\+json/);
          expect(response.text).not.to.match(HEALTH_CONTENT);
          expect(response.body.detail).to.equal(EMPLOYER_HEALTH_BAN);
          expect(await deniedHealthEvents(), `${who}: ${method} ${path} is recorded`).to.equal(before + 1);
        }
      }
    }
    expect(attempts).to.equal(4 * routes.length * METHODS.length);
  });

  it('stops an employer before any database query is made', async () => {
    const [, hrVos] = (await employers())[0]!;
    const queried: string[] = [];
    mongoose.set('debug', (collection: string, method: string) => {
      if (/^health|^files|^datakeys/.test(collection)) queried.push(`${method} ${collection}`);
    });
    try {
      await hrVos.get(`/api/v1/clients/${String(world.clients.jan._id)}/health/records`).expect(403);
      await hrVos.get(`/api/v1/clients/${String(world.clients.jan._id)}/health/documents/${String(world.health.janMedicalFile._id)}/content`).expect(403);
      await hrVos.post(`/api/v1/clients/${String(world.clients.jan._id)}/health/fml`, { format: 'fml' }).expect(403);
    } finally {
      mongoose.set('debug', false);
    }
    expect(queried).to.deep.equal([]);
  });
});

/** Small answers that said more than they should: organisations for roles with no business there, internal file ids. */
import { expect } from 'chai';
import { testApp, type TestApp } from '../helpers/app';
import { samplePdf } from '../helpers/samples';
import { apiAs } from '../helpers/session';
import { aWorld, type World } from '../helpers/world';

describe('small leaks', () => {
  let t: TestApp;
  let world: World;
  beforeEach(async () => {
    t = testApp();
    world = await aWorld();
  });

  it('GET /organisations: 403 for every role that has no business there, names only for the coach', async () => {
    const { hrVos, janUser, claes, dijk, privacy } = world.users;
    for (const user of [hrVos, janUser, claes, dijk, privacy]) {
      const api = await apiAs(t.app, t.config, user);
      const response = await api.get('/api/v1/organisations');
      expect(response.status, user.name).to.equal(403);
      expect(response.headers['content-type']).to.match(/problem\+json/);
    }
    const coach = await apiAs(t.app, t.config, world.users.anna);
    const names = (await coach.get('/api/v1/organisations').expect(200)).body.items as Record<string, unknown>[];
    expect(names.map((organisation) => organisation.name)).to.deep.equal(['Bakkerij Vos', 'Transport El']);
    const admin = await apiAs(t.app, t.config, world.users.admin);
    expect((await admin.get('/api/v1/organisations').expect(200)).body.items).to.have.length(3);
  });

  it('document responses carry no internal file id (process and health documents)', async () => {
    const jan = `/api/v1/clients/${String(world.clients.jan._id)}`;
    const coach = await apiAs(t.app, t.config, world.users.anna);
    const uploaded = await coach.agent.post(`${jan}/documents`).set('x-csrf-token', await csrfOf(coach))
      .field('category', 'cv').attach('file', samplePdf(), { filename: 'cv.pdf', contentType: 'application/pdf' }).expect(201);
    const doctor = await apiAs(t.app, t.config, world.users.claes);
    const health = await doctor.agent.post(`${jan}/health/documents`).set('x-csrf-token', await csrfOf(doctor))
      .field('category', 'other').attach('file', samplePdf(), { filename: 'brief.pdf', contentType: 'application/pdf' });
    expect(health.status, JSON.stringify(health.body)).to.equal(201);
    const bodies = [
      uploaded.body, (await coach.get(`${jan}/documents`).expect(200)).body,
      health.body, (await doctor.get(`${jan}/health/documents`).expect(200)).body, (await doctor.get(`${jan}/health`).expect(200)).body,
    ];
    for (const body of bodies) expect(JSON.stringify(body)).not.to.match(/fileId/);
    expect(uploaded.body).to.include({ filename: 'cv.pdf' });
  });
});

async function csrfOf(api: Awaited<ReturnType<typeof apiAs>>): Promise<string> {
  return (await api.get('/api/v1/auth/csrf').expect(200)).body.token as string;
}

/**
 * Bad input anywhere gets a 400 problem+json that names the field in words a user understands, and changes
 * nothing. Ids, bodies and unknown fields are tried on every route (taken from the router); the rest by example.
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import { apiRouteGroups } from '../../server/src/app';
import { testApp, type TestApp } from '../helpers/app';
import { sampleBodies } from '../helpers/samples';
import { apiAs, type Api } from '../helpers/session';
import { aWorld, type World } from '../helpers/world';

async function snapshot(): Promise<string> {
  const db = mongoose.connection.db!;
  const names = (await db.listCollections().toArray()).map((c) => c.name).filter((name) => !['sessions', 'auditevents', 'auditseals'].includes(name)).sort();
  const all: Record<string, unknown> = {};
  for (const name of names) all[name] = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
  return JSON.stringify(all);
}

function expectProblem(response: { status: number; headers: Record<string, string>; body: { errors?: { field: string; message: string }[]; detail: string } }, field: string | RegExp) {
  expect(response.status, JSON.stringify(response.body)).to.equal(400);
  expect(response.headers['content-type']).to.match(/application\/problem\+json/);
  expect(response.body.detail).to.match(/^Controleer de invoer/);
  const fields = (response.body.errors ?? []).map((error) => error.field);
  if (typeof field === 'string') expect(fields).to.include(field);
  else expect(fields.some((name) => field.test(name)), fields.join(', ')).to.equal(true);
  for (const error of response.body.errors ?? []) expect(error.message).to.be.a('string').and.not.match(/^Invalid|Expected|undefined/);
}

describe('bad input', function () {
  this.timeout(60_000);
  let t: TestApp;
  let world: World;
  let anna: Api;
  let jan: string;

  beforeEach(async () => {
    t = testApp();
    world = await aWorld();
    anna = await apiAs(t.app, t.config, world.users.anna);
    jan = `/api/v1/clients/${String(world.clients.jan._id)}`;
  });

  it('names a malformed id on every route that takes one, and changes nothing', async () => {
    const before = await snapshot();
    const specs = apiRouteGroups(t.config).flatMap((group) => group.routes.map((route) => route.endpoint)).filter((spec) => spec.params && !spec.public);
    const bodies = sampleBodies(world);
    for (const spec of specs) {
      const name = spec.path.match(/:(\w+)/)![1]!;
      const path = `/api/v1${spec.path}`.replace(/:(\w+)/g, (_, param: string) => (param === name ? 'not-an-id' : '65a0000000000000000000ff'));
      const body = bodies[`${spec.method} /api/v1${spec.path}`] ?? {};
      const response = spec.method === 'get' ? await anna.get(path) : spec.method === 'delete' ? await anna.delete(path) : await anna[spec.method](path, body);
      expectProblem(response, `params.${name}`);
    }
    expect(await snapshot()).to.equal(before);
  });

  it('names every unknown field smuggled into a body, on every route with a body', async () => {
    const before = await snapshot();
    const bodies = sampleBodies(world);
    const specs = apiRouteGroups(t.config).flatMap((group) => group.routes.map((route) => route.endpoint)).filter((spec) => spec.body && !spec.upload && !spec.public);
    for (const spec of specs) {
      const key = `${spec.method} /api/v1${spec.path}`;
      const path = `/api/v1${spec.path}`.replace(':clientId', String(world.clients.jan._id)).replace(/:(\w+)/g, '65a0000000000000000000ff');
      const response = await anna[spec.method as 'post'](path, { ...(bodies[key] ?? {}), status: 'approved', $where: 'sleep(1000)' });
      expectProblem(response, /^body\.(status|\$where)$/);
    }
    expect(await snapshot()).to.equal(before);
  });

  const examples: [string, string, object, string, RegExp][] = [
    ['a negative duration', 'consults', { date: '2026-11-20', durationMinutes: -5, kind: 'progress', summary: 'x' }, 'body.durationMinutes', /Minstens 1 minuut/],
    ['an impossible date', 'consults', { date: '2026-13-45', durationMinutes: 5, kind: 'progress', summary: 'x' }, 'body.date', /JJJJ-MM-DD/],
    ['an empty summary', 'consults', { date: '2026-11-20', durationMinutes: 5, kind: 'progress', summary: '   ' }, 'body.summary', /Vul het verslag in/],
    ['an unknown kind', 'activities', { date: '2026-11-20', kind: 'lunch', minutes: 5 }, 'body.kind', /.+/],
    ['a whole day and more', 'activities', { date: '2026-11-20', kind: 'phone', minutes: 1441 }, 'body.minutes', /1440/],
    ['a period that ends before it starts', 'reports', { title: 'T', periodStart: '2026-11-30', periodEnd: '2026-11-01', text: 'x' }, 'body.periodEnd', /vóór het begin/],
    ['an operator instead of an id', 'reports', { title: 'T', periodStart: '2026-11-01', periodEnd: '2026-11-30', text: 'x', consultIds: [{ $ne: null }] }, 'body.consultIds.0', /.+/],
    ['an unknown consent purpose', 'consents', { purpose: 'everything' }, 'body.purpose', /.+/],
  ];
  for (const [what, collection, body, field, message] of examples) {
    it(`explains ${what} next to the field and stores nothing`, async () => {
      const before = await snapshot();
      const response = await anna.post(`${jan}/${collection}`, body);
      expectProblem(response, field);
      expect(response.body.errors.find((error: { field: string }) => error.field === field).message).to.match(message);
      expect(await snapshot()).to.equal(before);
    });
  }

  it('explains a wrong BSN, a bad search and broken JSON', async () => {
    const intake = await anna.post('/api/v1/clients', { firstName: 'A', lastName: 'B', trajectory: { kind: 'spoor1', startDate: '2026-11-01' }, bsn: '123456789' });
    expectProblem(intake, 'body.bsn');
    expect(intake.body.errors[0].message).to.match(/elfproef/);
    expectProblem(await anna.get('/api/v1/clients?status=everything'), 'query.status');
    expectProblem(await anna.get(`/api/v1/clients?search=${'a'.repeat(101)}`), 'query.search');
    expectProblem(await anna.get('/api/v1/clients?pageSize=1000'), 'query.pageSize');
    const broken = await anna.agent.post(`${jan}/consults`).set('x-csrf-token', (await anna.get('/api/v1/auth/csrf')).body.token)
      .set('content-type', 'application/json').send('{"summary": ');
    expect(broken.status).to.equal(400);
    expect(broken.body.detail).to.match(/geen geldige JSON/);
  });

  it('treats regular-expression characters in a search as plain text', async () => {
    const response = await anna.get(`/api/v1/clients?search=${encodeURIComponent('.*')}`).expect(200);
    expect(response.body.items).to.deep.equal([]);
    const found = await anna.get('/api/v1/clients?search=de%20wit').expect(200);
    expect(found.body.items.map((client: { lastName: string }) => client.lastName)).to.deep.equal(['de Wit']);
  });
});

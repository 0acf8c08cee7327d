/**
 * Multi-user replay: one user (Sanne's coach) creates a record of every kind; every other role then tries every
 * client-scoped route on it — read, change, delete — with a valid request. New routes are covered automatically
 * (routes come from the Express router; a route with a body needs a sample in helpers/samples.ts).
 */
import { addDays, today } from '@spoorboek/shared/calendarDay';
import { expect } from 'chai';
import mongoose from 'mongoose';
import { apiRouteGroups } from '../../server/src/app';
import { EMPLOYER_CLIENT_FIELDS, EMPLOYER_REPORT_FIELDS } from '@spoorboek/shared/policy/rules';
import { DataExport } from '../../server/src/modules/exports/model';
import { testApp, type TestApp } from '../helpers/app';
import { concretePath, listApiRoutes } from '../helpers/routes';
import { samplePdf, sampleBodies } from '../helpers/samples';
import { apiAs, type Api } from '../helpers/session';
import { aWorld, type World } from '../helpers/world';

describe('a client’s dossier, replayed by everyone outside the slice', function () {
  this.timeout(120_000);
  let t: TestApp;
  let world: World;
  let ids: Record<string, string>;
  let healthDocumentId: string;
  let planId: string;

  /** What each partial insider may legitimately do on Sanne's dossier (everything else must be refused). */
  const allowed: Record<string, string[]> = {
    admin: ['get /api/v1/clients/:clientId', 'put /api/v1/clients/:clientId/assignments', 'get /api/v1/clients/:clientId/handovers', 'post /api/v1/clients/:clientId/handovers'],
    claes: ['get /api/v1/clients/:clientId', ...['', '/records', '/records/:recordId', '/fml-capacities', '/documents', '/documents/:documentId/content']
      .map((path) => `get /api/v1/clients/:clientId/health${path}`),
    ...['/fml', '/medical-notes', '/documents', '/records/:recordId/addenda'].map((path) => `post /api/v1/clients/:clientId/health${path}`),
    ...['', '/:caseId', '/:caseId/documents'].map((path) => `get /api/v1/clients/:clientId/sickness-cases${path}`),
    'post /api/v1/clients/:clientId/sickness-cases/:caseId/documents/advice',
    'get /api/v1/clients/:clientId/health/sickness-cases/:caseId/medical-part.pdf'],
    // The privacy officer reads the personal details to check a requester's identity (AVG art. 12(6)), follows
    // requests and exports, and restricts or lifts processing; never dossier content.
    privacy: ['get /api/v1/clients/:clientId/access-log', 'get /api/v1/clients/:clientId', 'get /api/v1/clients/:clientId/requests',
      'get /api/v1/clients/:clientId/exports', 'get /api/v1/clients/:clientId/exports/:exportId',
      'post /api/v1/privacy/clients/:clientId/restriction', 'delete /api/v1/privacy/clients/:clientId/restriction',
      // and places or lifts a legal hold (bewaarplicht), which keeps the dossier past its retention term.
      'put /api/v1/privacy/clients/:clientId/legal-hold', 'delete /api/v1/privacy/clients/:clientId/legal-hold'],
    hrEl: ['get /api/v1/clients/:clientId', 'get /api/v1/clients/:clientId/reports', 'get /api/v1/clients/:clientId/reports/:reportId',
      // The employer reports its employee's first sick day (Wet verbetering poortwachter).
      ...['', '/:caseId', '/:caseId/documents', '/:caseId/riv.pdf'].map((path) => `get /api/v1/clients/:clientId/sickness-cases${path}`),
      ...['', '/:caseId/first-sick-day', '/:caseId/recovery', '/:caseId/extensions'].map((path) => `post /api/v1/clients/:clientId/sickness-cases${path}`),
      'put /api/v1/clients/:clientId/sickness-cases/:caseId/steps/:step'],
  };

  beforeEach(async () => {
    t = testApp();
    world = await aWorld();
    const bram = await apiAs(t.app, t.config, world.users.bram);
    const sanne = String(world.clients.sanne._id);
    const base = `/api/v1/clients/${sanne}`;
    const consult = await bram.post(`${base}/consults`, { date: '2026-11-20', durationMinutes: 30, kind: 'progress', summary: 'Sanne-geheim-verslag' }).expect(201);
    const activity = await bram.post(`${base}/activities`, { date: '2026-11-20', kind: 'phone', minutes: 10, note: 'Sanne-geheim-notitie' }).expect(201);
    const document = await bram.agent.post(`${base}/documents`).set('x-csrf-token', await csrfOf(bram))
      .field('category', 'cv').attach('file', samplePdf('Sanne-geheim-cv'), { filename: 'cv.pdf', contentType: 'application/pdf' }).expect(201);
    const claes = await apiAs(t.app, t.config, world.users.claes);
    const healthDocument = await claes.agent.post(`${base}/health/documents`).set('x-csrf-token', await csrfOf(claes))
      .field('category', 'medical').attach('file', samplePdf('Sanne-geheim-brief'), { filename: 'brief.pdf', contentType: 'application/pdf' }).expect(201);
    healthDocumentId = healthDocument.body._id as string;
    const sickness = await bram.post(`${base}/sickness-cases`, { firstSickDay: '2026-10-01', reportedBy: 'bureau' }).expect(201);
    const plan = await bram.post(`${base}/sickness-cases/${String(sickness.body._id)}/documents/forms`, {
      kind: 'action_plan', content: { goal: 'Sanne-geheim-doel', actions: [{ what: 'Opbouwen', who: 'employee', when: '2026-12-01' }] },
    }).expect(201);
    planId = plan.body._id as string;
    const handover = await bram.post(`${base}/handovers`, { toCoachId: String(world.users.anna._id), validFrom: addDays(today(), 1), validUntil: addDays(today(), 30) }).expect(201);
    const exported = await DataExport.create({ clientId: sanne, requestedBy: world.users.bram._id, status: 'failed', activeKey: 'slice-test' });
    ids = {
      exportId: String(exported._id), clientId: sanne, consultId: consult.body._id, activityId: activity.body._id, documentId: document.body._id,
      reportId: String(world.reports.sanneShared._id), recordId: String(world.health.sanneFml._id), consentId: String(world.consents.sanneShare._id), handoverId: handover.body._id,
      step: 'uwv_notification', caseId: sickness.body._id,
    };
  });

  async function csrfOf(api: Api): Promise<string> {
    return (await api.get('/api/v1/auth/csrf').expect(200)).body.token as string;
  }

  async function snapshot() {
    const collections = ['datakeys', 'clients', 'consults', 'activities', 'reports', 'documents', 'consents', 'handovers', 'files.files', 'healthrecords', 'healthdocuments'];
    const db = mongoose.connection.db!;
    const all: Record<string, unknown> = {};
    for (const name of collections) all[name] = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
    return JSON.stringify(all);
  }

  it('refuses every route to every outsider, leaks nothing and changes nothing', async () => {
    const routes = listApiRoutes(t.config).filter((route) => route.path.includes(':clientId'));
    const bodies = sampleBodies(world);
    const specs = apiRouteGroups(t.config).flatMap((group) => group.routes.map((route) => route.endpoint));
    for (const route of routes) {
      const spec = specs.find((candidate) => `/api/v1${candidate.path}` === route.path && candidate.method === route.method)!;
      if (spec.body) expect(bodies, `a sample body for ${route.method} ${route.path}`).to.have.property(`${route.method} ${route.path}`);
    }

    const before = await snapshot();
    const users = world.users;
    const actors = { anna: users.anna, hrVos: users.hrVos, janUser: users.janUser, dijk: users.dijk, privacy: users.privacy, admin: users.admin, claes: users.claes, hrEl: users.hrEl };
    let attempts = 0;
    for (const [name, user] of Object.entries(actors)) {
      const api = await apiAs(t.app, t.config, user);
      for (const route of routes) {
        const key = `${route.method} ${route.path}`;
        if (allowed[name]?.includes(key)) continue;
        const path = concretePath(route.path, route.path.includes('/health/') ? { ...ids, documentId: healthDocumentId }
          : route.path.includes('/sickness-cases/') ? { ...ids, documentId: planId } : ids);
        const spec = specs.find((candidate) => `/api/v1${candidate.path}` === route.path && candidate.method === route.method)!;
        const response = spec.upload
          ? await api.agent.post(path).set('x-csrf-token', await csrfOf(api)).field(bodies[key] as Record<string, string>)
            .attach('file', samplePdf(), { filename: 'bijlage.pdf', contentType: 'application/pdf' })
          : route.method === 'get' ? await api.get(path)
            : route.method === 'delete' ? await api.delete(path)
              : await api[route.method](path, bodies[key] ?? {});
        attempts += 1;
        expect([403, 404], `${name}: ${key} → ${response.status} ${JSON.stringify(response.body)}`).to.include(response.status);
        expect(response.headers['content-type']).to.match(/application\/problem\+json/);
        expect(response.text).not.to.match(/Sanne|Bakker|geheim/);
      }
    }
    expect(attempts).to.be.greaterThan(150);
    expect(await snapshot(), 'nothing in the dossier changed').to.equal(before);

    const denials = await mongoose.connection.db!.collection('auditevents').countDocuments({ outcome: 'denied', clientId: ids.clientId });
    expect(denials, 'every refusal is on record').to.be.at.least(attempts);
  });

  it('gives the employer only its permitted fields, of its own employee, and only shared reports', async () => {
    const hrEl = await apiAs(t.app, t.config, world.users.hrEl);
    const client = await hrEl.get(`/api/v1/clients/${ids.clientId}`).expect(200);
    expect(Object.keys(client.body)).to.satisfy((keys: string[]) => keys.every((key) => EMPLOYER_CLIENT_FIELDS.includes(key)));
    const reports = await hrEl.get(`/api/v1/clients/${ids.clientId}/reports`).expect(200);
    expect(reports.body.items.map((report: { _id: string }) => report._id)).to.deep.equal([ids.reportId]);
    for (const report of reports.body.items) expect(Object.keys(report).every((key) => EMPLOYER_REPORT_FIELDS.includes(key))).to.equal(true);
    const employees = await hrEl.get('/api/v1/employer/employees').expect(200);
    expect(employees.body.items.map((employee: { firstName: string }) => employee.firstName)).to.deep.equal(['Sanne']);
    for (const employee of employees.body.items) expect(Object.keys(employee).every((key) => EMPLOYER_CLIENT_FIELDS.includes(key))).to.equal(true);
    const portal = await hrEl.get('/api/v1/employer/reports').expect(200);
    expect(portal.body.items.map((report: { _id: string }) => report._id)).to.deep.equal([ids.reportId]);
    expect(JSON.stringify(portal.body)).not.to.match(/geheim/);
    for (const user of [world.users.anna, world.users.janUser, world.users.admin]) {
      const api = await apiAs(t.app, t.config, user);
      await api.get('/api/v1/employer/employees').expect(403);
      await api.get('/api/v1/employer/reports').expect(403);
    }
  });
});

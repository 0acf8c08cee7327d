import { expect } from 'chai';
import { AuditEvent } from '../../server/src/audit/model';
import { RESTRICTION_REASON } from '@spoorboek/shared/policy/rules';
import { testApp, type TestApp } from '../helpers/app';
import { apiAs, type Api } from '../helpers/session';
import { aWorld, type World } from '../helpers/world';

describe('restriction of processing (AVG art. 18)', () => {
  let t: TestApp;
  let world: World;
  let officer: Api;
  let jan: string;

  beforeEach(async () => {
    t = testApp();
    world = await aWorld();
    officer = await apiAs(t.app, t.config, world.users.privacy);
    jan = `/api/v1/clients/${String(world.clients.jan._id)}`;
  });

  it('refuses every write to the dossier with 423 and a Dutch reason, whoever asks, until the officer lifts it', async () => {
    const anna = await apiAs(t.app, t.config, world.users.anna);
    const claes = await apiAs(t.app, t.config, world.users.claes);
    const janApi = await apiAs(t.app, t.config, world.users.janUser);
    const admin = await apiAs(t.app, t.config, world.users.admin);
    const consult = { date: '2026-11-20', durationMinutes: 30, kind: 'progress', summary: 'Voortgang' };
    await anna.post(`${jan}/consults`, consult).expect(201); // before: fine

    await anna.post(`/api/v1/privacy/clients/${String(world.clients.jan._id)}/restriction`, {}).expect(403);
    const set = await officer.post(`/api/v1/privacy/clients/${String(world.clients.jan._id)}/restriction`, {}).expect(200);
    expect(set.body.restriction).to.include({ by: String(world.users.privacy._id) });
    await officer.post(`/api/v1/privacy/clients/${String(world.clients.jan._id)}/restriction`, {}).expect(409);

    const refused = await anna.post(`${jan}/consults`, consult).expect(423);
    expect(refused.headers['content-type']).to.match(/problem\+json/);
    expect(refused.body.detail).to.equal(RESTRICTION_REASON);
    await anna.patch(`${jan}/consults/${String(world.consults.janDraft._id)}`, { summary: 'Anders' }).expect(423);
    await anna.post(`${jan}/consults/${String(world.consults.janDraft._id)}/send`).expect(423);
    await anna.post(`${jan}/activities`, { date: '2026-11-20', kind: 'phone', minutes: 5 }).expect(423);
    await anna.patch(jan, { phone: '06-00000000' }).expect(423);
    await claes.post(`${jan}/health/medical-notes`, { date: '2026-11-20', text: 'Aantekening' }).expect(423);
    await janApi.post(`${jan}/consults/${String(world.consults.janAwaiting._id)}/approve`).expect(423);
    await admin.put(`${jan}/assignments`, { coachId: String(world.users.bram._id) }).expect(423);
    // Fatima's dossier is not restricted.
    await anna.post(`/api/v1/clients/${String(world.clients.fatima._id)}/consults`, consult).expect(201);

    // Reads go on (and are audited); the client still reads, files requests, withdraws consent, sees the banner data.
    await anna.get(`${jan}/consults`).expect(200);
    const seen = (await janApi.get(jan).expect(200)).body;
    expect(seen.restriction).to.include({ by: String(world.users.privacy._id) });
    expect((await anna.get(jan).expect(200)).body.restriction).to.not.equal(null);
    await janApi.post(`${jan}/requests`, { kind: 'objection' }).expect(201);
    await janApi.post(`${jan}/consents/${String(world.consents.janFml._id)}/withdraw`).expect(200);
    // The employer no longer reads Jan's shared report.
    const hr = await apiAs(t.app, t.config, world.users.hrVos);
    const shared = (await hr.get('/api/v1/employer/reports').expect(200)).body.items as { clientId: string }[];
    expect(shared.map((report) => report.clientId)).not.to.include(String(world.clients.jan._id));

    const lifted = await officer.delete(`/api/v1/privacy/clients/${String(world.clients.jan._id)}/restriction`).expect(200);
    expect(lifted.body).to.include({ restriction: null });
    await officer.delete(`/api/v1/privacy/clients/${String(world.clients.jan._id)}/restriction`).expect(409);
    expect((await janApi.get(jan).expect(200)).body.restrictionLifted).to.include({ by: String(world.users.privacy._id) });
    await anna.post(`${jan}/consults`, consult).expect(201);
    const reasons = (await AuditEvent.find({ clientId: String(world.clients.jan._id), 'object.type': 'Client', action: 'update' }).lean()).map((e) => e.reason);
    expect(reasons).to.include.members(['verwerking beperkt (AVG art. 18)', 'beperking van de verwerking opgeheven']);
    const denied = await AuditEvent.countDocuments({ clientId: String(world.clients.jan._id), outcome: 'denied', reason: RESTRICTION_REASON });
    expect(denied).to.be.greaterThan(5);
  });
});

describe('objection (AVG art. 21)', () => {
  it('is recorded on the client with its date, by the client only, and withdrawn again', async () => {
    const t = testApp();
    const world = await aWorld();
    const jan = `/api/v1/clients/${String(world.clients.jan._id)}`;
    const janApi = await apiAs(t.app, t.config, world.users.janUser);
    const anna = await apiAs(t.app, t.config, world.users.anna);
    await anna.put(`${jan}/objections`, { managementFigures: true }).expect(403);
    await janApi.put(`/api/v1/clients/${String(world.clients.fatima._id)}/objections`, { managementFigures: true }).expect(403);
    await janApi.put(`${jan}/objections`, {}).expect(400);
    const raised = await janApi.put(`${jan}/objections`, { retentionAfterTrajectory: true, managementFigures: true }).expect(200);
    expect(raised.body.retentionAfterTrajectory).to.be.a('string');
    expect(raised.body.managementFigures).to.be.a('string');
    expect((await anna.get(jan).expect(200)).body.objections.retentionAfterTrajectory).to.be.a('string');
    const withdrawn = await janApi.put(`${jan}/objections`, { managementFigures: false }).expect(200);
    expect(withdrawn.body).to.include({ managementFigures: null });
    expect(withdrawn.body.retentionAfterTrajectory).to.equal(raised.body.retentionAfterTrajectory);
  });
});

import { expect } from 'chai';
import { amsterdamDay, addMonths } from '@spoorboek/shared/dueDates';
import { AuditEvent } from '../../server/src/audit/model';
import { testApp, type TestApp } from '../helpers/app';
import { rawDatabase } from '../helpers/rawDatabase';
import { apiAs, type Api } from '../helpers/session';
import { aWorld, type World } from '../helpers/world';

describe('the requests register (AVG art. 12)', () => {
  let t: TestApp;
  let world: World;
  let jan: Api;
  let officer: Api;
  let janRequests: string;

  beforeEach(async () => {
    t = testApp();
    world = await aWorld();
    jan = await apiAs(t.app, t.config, world.users.janUser);
    officer = await apiAs(t.app, t.config, world.users.privacy);
    janRequests = `/api/v1/clients/${String(world.clients.jan._id)}/requests`;
  });

  it('takes a client’s request from the portal, due one calendar month after today in Amsterdam', async () => {
    const filed = await jan.post(janRequests, { kind: 'access', description: 'Ik wil mijn hele dossier zien. MARKER-REQ-81' }).expect(201);
    expect(filed.body).to.include({ kind: 'access', channel: 'portal', status: 'received', urgency: 'later', identityCheck: null });
    expect(filed.body.dueAt.slice(0, 10)).to.equal(addMonths(amsterdamDay(new Date(filed.body.receivedAt as string)), 1));
    const mine = (await jan.get(janRequests).expect(200)).body.items as { _id: string; description: string }[];
    expect(mine.map((r) => r.description)).to.deep.equal(['Ik wil mijn hele dossier zien. MARKER-REQ-81']);
    expect(await rawDatabase()).not.to.include('MARKER-REQ-81'); // sealed under Jan's key
    const created = await AuditEvent.findOne({ action: 'create', 'object.type': 'DataSubjectRequest' }).lean();
    expect(created).to.deep.include({ clientId: String(world.clients.jan._id), reason: 'verzoek om inzage via het portaal' });
  });

  it('refuses a request for, or a look at, someone else’s; and staff other than the officer', async () => {
    const fatima = `/api/v1/clients/${String(world.clients.fatima._id)}/requests`;
    await jan.post(fatima, { kind: 'erasure' }).expect(403);
    await jan.get(fatima).expect(403);
    const anna = await apiAs(t.app, t.config, world.users.anna);
    await anna.post(janRequests, { kind: 'access' }).expect(403);
    await anna.get(janRequests).expect(403);
    await anna.get('/api/v1/privacy/requests').expect(403);
    await jan.get('/api/v1/privacy/requests').expect(403);
    const { body } = await jan.post(janRequests, { kind: 'access' }).expect(201);
    await jan.post(`/api/v1/privacy/requests/${body._id as string}/identity-check`, { method: 'portal_two_factor' }).expect(403);
    await jan.post(janRequests, { kind: 'everything' }).expect(400);
    // The portal is the client's own channel: the officer records requests in the queue instead.
    await officer.post(janRequests, { kind: 'access' }).expect(403);
  });

  it('records a letter on the day it came, and puts overdue and due-this-week first in the officer’s queue', async () => {
    const today = amsterdamDay(new Date());
    const letter = await officer.post('/api/v1/privacy/requests', {
      clientId: String(world.clients.fatima._id), kind: 'erasure', channel: 'letter', receivedOn: '2026-01-31',
    }).expect(201);
    expect(letter.body.dueAt).to.equal('2026-02-28T00:00:00.000Z');
    const soon = await officer.post('/api/v1/privacy/requests', {
      clientId: String(world.clients.sanne._id), kind: 'rectification', channel: 'phone', receivedOn: addMonths(today, -1),
    }).expect(201);
    const fresh = await jan.post(janRequests, { kind: 'access' }).expect(201);
    const future = await officer.post('/api/v1/privacy/requests', {
      clientId: String(world.clients.jan._id), kind: 'access', channel: 'email', receivedOn: addMonths(today, 1),
    }).expect(400);
    expect(future.body.detail).to.match(/toekomst/);

    const queue = (await officer.get('/api/v1/privacy/requests').expect(200)).body.items as { _id: string; urgency: string; clientName: string }[];
    expect(queue.map((r) => r._id)).to.deep.equal([letter.body._id, soon.body._id, fresh.body._id]);
    expect(queue.map((r) => r.urgency)).to.deep.equal(['overdue', 'due_this_week', 'later']);
    expect(queue.map((r) => r.clientName)).to.deep.equal(['Fatima El Amrani', 'Sanne Bakker', 'Jan de Wit']);
  });

  it('hands nothing out before the identity check, which is recorded once, with how and by whom', async () => {
    const { body } = await jan.post(janRequests, { kind: 'access' }).expect(201);
    const request = `/api/v1/privacy/requests/${body._id as string}`;
    const early = await officer.post(`${request}/resolve`, { outcome: 'completed', resolution: 'Export gestuurd.' }).expect(409);
    expect(early.body.detail).to.match(/identiteit/);

    const checks = await Promise.all([1, 2, 3].map(() => officer.post(`${request}/identity-check`, { method: 'callback', note: 'Teruggebeld op 06-nummer uit het dossier.' })));
    expect(checks.map((r) => r.status).sort()).to.deep.equal([200, 409, 409]);
    const checked = (await officer.get(request).expect(200)).body;
    expect(checked).to.include({ status: 'in_progress' });
    expect(checked.identityCheck).to.include({ method: 'callback', checkedBy: String(world.users.privacy._id) });

    const answered = await officer.post(`${request}/resolve`, { outcome: 'completed', resolution: 'Uw export staat klaar.' }).expect(200);
    expect(answered.body).to.include({ status: 'completed', resolution: 'Uw export staat klaar.', urgency: 'answered' });
    expect(answered.body.answeredAt).to.be.a('string');
    await officer.post(`${request}/resolve`, { outcome: 'rejected', resolution: 'Toch niet.' }).expect(409);
    const reasons = (await AuditEvent.find({ 'object.id': body._id as string }).sort({ seq: 1 }).lean()).map((e) => e.reason);
    expect(reasons).to.include.members(['verzoek om inzage via het portaal', 'identiteit gecontroleerd: teruggebeld', 'beantwoord: afgehandeld']);
  });

  it('extends the period once, by at most two months, with a reason the client reads', async () => {
    const letter = await officer.post('/api/v1/privacy/requests', {
      clientId: String(world.clients.jan._id), kind: 'access', channel: 'letter', receivedOn: '2026-01-31',
    }).expect(201);
    const request = `/api/v1/privacy/requests/${letter.body._id as string}`;
    await officer.post(`${request}/extend`, { months: 3, reason: 'Te veel' }).expect(400);
    const missing = await officer.post(`${request}/extend`, { months: 2 }).expect(400);
    expect(missing.body.detail).to.be.a('string');
    const attempts = await Promise.all([2, 1].map((months) => officer.post(`${request}/extend`, { months, reason: 'Uw dossier is omvangrijk en bevat veel documenten.' })));
    expect(attempts.map((r) => r.status).sort()).to.deep.equal([200, 409]);
    const extended = attempts.find((r) => r.status === 200)!.body;
    expect(extended.dueAt).to.equal(extended.extension.months === 2 ? '2026-04-28T00:00:00.000Z' : '2026-03-28T00:00:00.000Z');
    expect(extended.originalDueAt).to.equal('2026-02-28T00:00:00.000Z');
    const seen = (await jan.get(janRequests).expect(200)).body.items[0];
    expect(seen.extension).to.include({ reason: 'Uw dossier is omvangrijk en bevat veel documenten.' });
  });
});

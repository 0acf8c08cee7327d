import { addDays, today } from '@spoorboek/shared/calendarDay';
import { expect } from 'chai';
import { testApp, type TestApp } from '../helpers/app';
import { apiAs, type Api } from '../helpers/session';
import { aUser, aWorld, JAN_BSN, type World } from '../helpers/world';

describe('clients and caseload', () => {
  let t: TestApp;
  let world: World;
  let anna: Api;

  beforeEach(async () => {
    t = testApp();
    world = await aWorld();
    anna = await apiAs(t.app, t.config, world.users.anna);
  });

  const names = (body: { items: { firstName: string }[] }) => body.items.map((client) => client.firstName);

  it('lists exactly the caller’s slice, searchable, filterable and paged', async () => {
    expect(names((await anna.get('/api/v1/clients').expect(200)).body)).to.deep.equal(['Fatima', 'Jan']);
    const bram = await apiAs(t.app, t.config, world.users.bram);
    expect(names((await bram.get('/api/v1/clients').expect(200)).body)).to.deep.equal(['Sanne']);
    const hrVos = await apiAs(t.app, t.config, world.users.hrVos);
    const employer = await hrVos.get('/api/v1/clients').expect(200);
    expect(names(employer.body)).to.deep.equal(['Fatima', 'Jan']);
    expect(employer.body.items[0]).to.have.keys('_id', 'firstName', 'lastName', 'employerId', 'trajectory');
    const janUser = await apiAs(t.app, t.config, world.users.janUser);
    expect(names((await janUser.get('/api/v1/clients').expect(200)).body)).to.deep.equal(['Jan']);

    expect(names((await anna.get('/api/v1/clients?search=AMRA').expect(200)).body)).to.deep.equal(['Fatima']);
    await anna.patch(`/api/v1/clients/${String(world.clients.jan._id)}`, { trajectory: { kind: 'spoor1', status: 'paused', startDate: '2026-03-01' } }).expect(200);
    expect(names((await anna.get('/api/v1/clients?status=paused').expect(200)).body)).to.deep.equal(['Jan']);
    const page = await anna.get('/api/v1/clients?page=2&pageSize=1').expect(200);
    expect(page.body).to.include({ total: 2, page: 2, pageSize: 1 });
    expect(names(page.body)).to.deep.equal(['Jan']);
  });

  it('registers a client at intake on the coach’s own caseload, with the BSN kept but shown masked', async () => {
    const created = await anna.post('/api/v1/clients', {
      firstName: 'Kees', lastName: 'Kok', trajectory: { kind: 'outplacement', startDate: '2026-11-02' }, bsn: JAN_BSN,
      employerId: String(world.organisations.vos._id),
    }).expect(201);
    expect(created.body).to.include({ coachId: String(world.users.anna._id), bsnMasked: '******333' });
    expect(created.body).not.to.have.property('bsn');
    expect(created.body.trajectory).to.include({ status: 'intake', kind: 'outplacement' });
    await anna.post('/api/v1/clients', {
      firstName: 'X', lastName: 'Y', trajectory: { kind: 'spoor1', startDate: '2026-11-02' }, coachId: String(world.users.bram._id),
    }).expect(403);
    await anna.post('/api/v1/clients', {
      firstName: 'X', lastName: 'Y', trajectory: { kind: 'spoor1', startDate: '2026-11-02' }, employerId: String(world.organisations.bureau._id),
    }).expect(400);
  });

  it('shows the BSN to the company doctor and the client, and to nobody else', async () => {
    const path = `/api/v1/clients/${String(world.clients.jan._id)}`;
    const claes = await apiAs(t.app, t.config, world.users.claes);
    expect((await claes.get(path).expect(200)).body.bsn).to.equal(JAN_BSN);
    const jan = await apiAs(t.app, t.config, world.users.janUser);
    expect((await jan.get(path).expect(200)).body.bsn).to.equal(JAN_BSN);
    for (const user of [world.users.anna, world.users.dijk, world.users.admin, world.users.hrVos]) {
      const api = await apiAs(t.app, t.config, user);
      expect((await api.get(path).expect(200)).body, user.name).not.to.have.property('bsn');
    }
  });
});

describe('time registration', () => {
  it('totals minutes per month and kind, and lets only the author change an entry', async () => {
    const t = testApp();
    const world = await aWorld();
    const anna = await apiAs(t.app, t.config, world.users.anna);
    const base = `/api/v1/clients/${String(world.clients.jan._id)}/activities`;
    const own = await anna.post(base, { date: '2026-09-10', kind: 'consult', minutes: 60, note: 'Gesprek' }).expect(201);
    await anna.post(base, { date: '2026-09-15', kind: 'email', minutes: 15 }).expect(201);
    await anna.post(base, { date: '2026-10-01', kind: 'consult', minutes: 45 }).expect(201);
    const totals = await anna.get(`${base}/totals`).expect(200);
    const byMonth = Object.fromEntries(totals.body.months.map((month: { month: string }) => [month.month, month]));
    expect(byMonth['2026-09']).to.deep.include({ minutes: 75, count: 2, byKind: { consult: 60, email: 15 } });
    expect(byMonth['2026-10']).to.deep.include({ minutes: 45, count: 1 });
    expect((await anna.get(`${base}?month=2026-09`).expect(200)).body.items).to.have.length(2);

    // Handed over to Anna while Bram is away: she may add to Sanne's file but not change Bram's entries.
    const bram = await apiAs(t.app, t.config, world.users.bram);
    await bram.patch(`${base}/${own.body._id as string}`, { minutes: 1 }).expect(403);
    await world.handoverOfSanneToAnna(new Date(Date.now() + world.DAY), true);
    const sanneBase = `/api/v1/clients/${String(world.clients.sanne._id)}/activities`;
    await anna.post(sanneBase, { date: '2026-11-20', kind: 'phone', minutes: 10 }).expect(201);
    await anna.patch(`${sanneBase}/${String(world.activities.sanne._id)}`, { minutes: 1 }).expect(403);
    await anna.patch(`${base}/${own.body._id as string}`, { minutes: 50, note: null }).expect(200);
    await anna.delete(`${base}/${own.body._id as string}`).expect(204);
  });
});

describe('consents granted from the client’s portal', () => {
  it('let the coach see FML capacities only while the client consents, with the consent text on record', async () => {
    const t = testApp();
    const world = await aWorld();
    const fatima = await apiAs(t.app, t.config, await aUser('Fatima El Amrani', ['client'], { clientId: world.clients.fatima._id }));
    const base = `/api/v1/clients/${String(world.clients.fatima._id)}/consents`;
    const granted = await fatima.post(base, { purpose: 'fml.capacities.coach' }).expect(201);
    expect(granted.body.text).to.match(/FML-capaciteiten/);
    await fatima.post(base, { purpose: 'fml.capacities.coach' }).expect(409);
    const anna = await apiAs(t.app, t.config, world.users.anna);
    await anna.post(base, { purpose: 'fml.capacities.coach' }).expect(403); // nobody consents for the client
    expect((await anna.get(base).expect(200)).body.items.some((c: { _id: string }) => c._id === granted.body._id)).to.equal(true);
    await fatima.post(`${base}/${granted.body._id as string}/withdraw`).expect(200);
    const history = (await fatima.get(base).expect(200)).body.items;
    expect(history.find((c: { _id: string }) => c._id === granted.body._id).withdrawnAt).to.be.a('string');
  });

  it('make a substitute coach count only once the client agrees to the handover', async () => {
    const t = testApp();
    const world = await aWorld();
    const sanneUser = await aUser('Sanne Bakker', ['client'], { clientId: world.clients.sanne._id });
    const bram = await apiAs(t.app, t.config, world.users.bram);
    const anna = await apiAs(t.app, t.config, world.users.anna);
    const sanne = await apiAs(t.app, t.config, sanneUser);
    const base = `/api/v1/clients/${String(world.clients.sanne._id)}`;
    const handover = await bram.post(`${base}/handovers`, { toCoachId: String(world.users.anna._id), validFrom: today(), validUntil: addDays(today(), 7) }).expect(201);
    await anna.get(`${base}/consults`).expect(403);
    const consent = await sanne.post(`${base}/consents`, { purpose: 'handover', handoverId: handover.body._id }).expect(201);
    expect(consent.body.text).to.match(/Anna Coach mag mijn coach vervangen/);
    await anna.get(`${base}/consults`).expect(200);
    await sanne.post(`${base}/consents/${consent.body._id as string}/withdraw`).expect(200);
    await anna.get(`${base}/consults`).expect(403);
  });
});

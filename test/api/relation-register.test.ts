import { expect } from 'chai';
import { testApp } from '../helpers/app';
import { apiAs } from '../helpers/session';
import { aWorld } from '../helpers/world';

describe('the relation register', () => {
  it('gives administrator and privacy officer per employer only names, service kind and year', async () => {
    const t = testApp();
    const world = await aWorld();
    for (const user of [world.users.admin, world.users.privacy]) {
      const api = await apiAs(t.app, t.config, user);
      const register = await api.get('/api/v1/relation-register').expect(200);
      expect(register.body.items).to.deep.equal([
        { employerName: 'Bakkerij Vos', clientName: 'Fatima El Amrani', trajectoryKind: 'spoor2', year: 2026 },
        { employerName: 'Bakkerij Vos', clientName: 'Jan de Wit', trajectoryKind: 'spoor2', year: 2026 },
        { employerName: 'Transport El', clientName: 'Sanne Bakker', trajectoryKind: 'spoor2', year: 2026 },
      ]);
      expect((await api.get('/api/v1/relation-register?year=2025').expect(200)).body.items).to.deep.equal([]);
    }
    for (const user of [world.users.anna, world.users.hrVos, world.users.claes, world.users.janUser]) {
      const api = await apiAs(t.app, t.config, user);
      await api.get('/api/v1/relation-register').expect(403);
    }
  });
});

describe('the audit-log viewer and organisations', () => {
  it('lets the privacy officer search the trail and verify the chain, and nobody else', async () => {
    const t = testApp();
    const world = await aWorld();
    const privacy = await apiAs(t.app, t.config, world.users.privacy);
    const anna = await apiAs(t.app, t.config, world.users.anna);
    await anna.get(`/api/v1/clients/${String(world.clients.jan._id)}`).expect(200);
    await anna.get(`/api/v1/clients/${String(world.clients.sanne._id)}`).expect(403);
    const denied = await privacy.get(`/api/v1/audit?outcome=denied&clientId=${String(world.clients.sanne._id)}`).expect(200);
    expect(denied.body.items.map((event: { actor: { name: string } }) => event.actor.name)).to.deep.equal(['Anna Coach']);
    expect(denied.body.items[0]).to.have.property('hash');
    const verified = await privacy.get('/api/v1/audit/verify').expect(200);
    expect(verified.body).to.include({ ok: true });
    for (const user of [world.users.anna, world.users.admin, world.users.janUser]) {
      const api = await apiAs(t.app, t.config, user);
      await api.get('/api/v1/audit').expect(403);
      await api.get('/api/v1/audit/verify').expect(403);
    }
  });

  it('lets the administrator add organisations and a coach see only employers’ names', async () => {
    const t = testApp();
    const world = await aWorld();
    const admin = await apiAs(t.app, t.config, world.users.admin);
    await admin.post('/api/v1/organisations', { name: 'Zorg BV', kind: 'employer' }).expect(201);
    await admin.post('/api/v1/organisations', { name: 'Zorg BV', kind: 'employer' }).expect(409);
    expect((await admin.get('/api/v1/organisations').expect(200)).body.items).to.have.length(4);
    const anna = await apiAs(t.app, t.config, world.users.anna);
    const seen = (await anna.get('/api/v1/organisations').expect(200)).body.items;
    expect(seen.map((organisation: { name: string }) => organisation.name)).to.deep.equal(['Bakkerij Vos', 'Transport El', 'Zorg BV']);
    for (const organisation of seen) expect(Object.keys(organisation).sort()).to.deep.equal(['_id', 'kind', 'name']);
    await anna.post('/api/v1/organisations', { name: 'Eigen BV', kind: 'employer' }).expect(403);
  });
});

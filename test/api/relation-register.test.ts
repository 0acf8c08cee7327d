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

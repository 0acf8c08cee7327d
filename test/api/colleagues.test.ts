/**
 * Whom a coach can ask to stand in: the other active coaches, by name only. Nobody else gets the list, and no
 * colleague's e-mail, roles or organisation travels with it.
 */
import { expect } from 'chai';
import { Organisation } from '../../server/src/db/models/organisation';
import { User } from '../../server/src/db/models/user';
import { testApp, type TestApp } from '../helpers/app';
import { apiAs } from '../helpers/session';
import { aUser, aWorld, type World } from '../helpers/world';

describe('colleague coaches (vervanging aanvragen)', () => {
  let t: TestApp;
  let world: World;

  beforeEach(async () => {
    t = testApp();
    world = await aWorld();
  });

  it('lists the other active coaches of the coach’s own bureau, with nothing but id and name', async () => {
    const blocked = await aUser('Geblokkeerde Coach', ['coach'], { organisationId: world.users.anna.organisationId });
    await User.updateOne({ _id: blocked._id }, { disabled: true });
    const otherBureau = await Organisation.create({ name: 'Ander Bureau', kind: 'bureau' });
    await aUser('Coach Elders', ['coach'], { organisationId: otherBureau._id });
    const anna = await apiAs(t.app, t.config, world.users.anna);
    const { body } = await anna.get('/api/v1/colleagues/coaches').expect(200);
    const names = body.items.map((item: { name: string }) => item.name);
    expect(names).to.include('Bram Coach');
    expect(names).not.to.include('Anna Coach');
    expect(names).not.to.include('Geblokkeerde Coach');
    expect(names).not.to.include('Coach Elders');
    expect(names).not.to.include('Claes Arts');
    for (const item of body.items) expect(Object.keys(item).sort()).to.deep.equal(['_id', 'name']);
  });

  it('refuses the list to every role that never asks for a substitute', async () => {
    for (const user of [world.users.hrVos, world.users.claes, world.users.dijk, world.users.privacy, world.users.janUser]) {
      const api = await apiAs(t.app, t.config, user);
      const response = await api.get('/api/v1/colleagues/coaches');
      expect(response.status, user.name).to.equal(403);
      expect(JSON.stringify(response.body)).not.to.contain('Bram');
    }
  });
});

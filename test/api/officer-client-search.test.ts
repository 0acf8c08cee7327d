/**
 * The privacy officer finds a client by name, not by raw id (issue 13 item 8): the names are sealed at rest, so
 * the search goes through the clients service, which opens them; the officer sees only the fields the policy gives.
 */
import { expect } from 'chai';
import { testApp } from '../helpers/app';
import { apiAs } from '../helpers/session';
import { aWorld } from '../helpers/world';

describe('the privacy officer finding a client', function () {
  this.timeout(60_000);

  it('searches clients by name and gets their id for the audit trail and access log', async () => {
    const t = testApp();
    const world = await aWorld();
    const officer = await apiAs(t.app, t.config, world.users.privacy);
    const found = await officer.get('/api/v1/clients?search=de%20wit').expect(200);
    const items = found.body.items as { _id: string; firstName: string; lastName: string }[];
    expect(items.map((item) => item._id)).to.deep.equal([String(world.clients.jan._id)]);
    expect(items[0]).to.include({ firstName: 'Jan', lastName: 'de Wit' });
    expect(Object.keys(items[0]!)).not.to.include.members(['bsn', 'bsnMasked']);
    const lines = await officer.get(`/api/v1/clients/${items[0]!._id}/access-log`).expect(200);
    expect(lines.body).to.have.property('total');
  });
});

import { expect } from 'chai';
import { Client } from '../../server/src/db/models/client';
import { AuditEvent } from '../../server/src/audit/model';
import { testApp, type TestApp } from '../helpers/app';
import { anAccount, signIn } from '../helpers/session';

describe('assignments (admin)', () => {
  let t: TestApp;
  beforeEach(() => {
    t = testApp();
  });

  const aClient = () =>
    Client.create({ firstName: 'Jan', lastName: 'de Wit', trajectory: { kind: 'spoor1', status: 'active', startDate: new Date() } });

  it('gives the new coach the client from their next request on, and records it', async () => {
    const jan = await aClient();
    const bram = await anAccount(t.config, { email: 'bram@test.nl', roles: ['coach'] });
    await anAccount(t.config, { email: 'admin@test.nl', roles: ['admin'], mfa: true });
    const coach = await signIn(t.app, 'bram@test.nl');
    const before = await coach.agent.get('/api/v1/me').expect(200);
    expect(JSON.stringify(before.body.rules)).not.to.contain(String(jan._id));

    const admin = await signIn(t.app, 'admin@test.nl', { mfa: true });
    const response = await admin.agent.put(`/api/v1/clients/${String(jan._id)}/assignments`).set('x-csrf-token', admin.csrf)
      .send({ coachId: String(bram._id) }).expect(200);
    expect(response.body).to.include({ coachId: String(bram._id) });
    expect(response.body).not.to.have.property('bsn');

    const after = await coach.agent.get('/api/v1/me').expect(200);
    expect(JSON.stringify(after.body.rules)).to.contain(String(jan._id));
    expect(await AuditEvent.findOne({ action: 'assign', clientId: String(jan._id) })).to.not.equal(null);
  });

  it('refuses a user without the role, naming the field, and changes nothing', async () => {
    const jan = await aClient();
    const hr = await anAccount(t.config, { email: 'hr@test.nl', roles: ['employer'] });
    await anAccount(t.config, { email: 'admin@test.nl', roles: ['admin'], mfa: true });
    const admin = await signIn(t.app, 'admin@test.nl', { mfa: true });
    const response = await admin.agent.put(`/api/v1/clients/${String(jan._id)}/assignments`).set('x-csrf-token', admin.csrf)
      .send({ companyDoctorId: String(hr._id) }).expect(400);
    expect(response.body.errors[0]).to.include({ field: 'body.companyDoctorId' });
    expect((await Client.findById(jan._id).lean())?.companyDoctorId).to.equal(null);
  });

  it('is not for a coach: 403, recorded, nothing changed', async () => {
    const coachUser = await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
    const jan = await Client.create({
      firstName: 'Jan', lastName: 'de Wit', coachId: coachUser._id, trajectory: { kind: 'spoor1', status: 'active', startDate: new Date() },
    });
    const coach = await signIn(t.app, 'anna@test.nl');
    await coach.agent.put(`/api/v1/clients/${String(jan._id)}/assignments`).set('x-csrf-token', coach.csrf)
      .send({ coachId: null }).expect(403);
    expect((await Client.findById(jan._id).lean())?.coachId).to.deep.equal(coachUser._id);
    expect(await AuditEvent.findOne({ outcome: 'denied', action: 'assign' })).to.not.equal(null);
  });
});

/**
 * NEN 7510 separation of duties: functional administration is no way into dossier content. Each test replays an
 * escalation path a security review used (issue 12 item 4) and expects a refusal and no content.
 */
import { expect } from 'chai';
import request from 'supertest';
import { Client } from '../../server/src/db/models/client';
import { User } from '../../server/src/db/models/user';
import { AuditEvent } from '../../server/src/audit/model';
import { testApp, type TestApp } from '../helpers/app';
import { apiAs, csrfToken } from '../helpers/session';
import { aUser, aWorld, type World } from '../helpers/world';
import { tokenIn, waitForMail } from '../helpers/mail';

describe('separation of duties (NEN 7510)', () => {
  let t: TestApp;
  let w: World;
  beforeEach(async () => {
    t = testApp();
    w = await aWorld();
  });
  const janId = () => String(w.clients.jan._id);

  async function expectNoContent(api: Awaited<ReturnType<typeof apiAs>>) {
    expect((await api.get(`/api/v1/clients/${janId()}/health`)).status).to.equal(403);
    expect((await api.get(`/api/v1/clients/${janId()}/health/records`)).status).to.equal(403);
    expect((await api.get(`/api/v1/clients/${janId()}/consults`)).status).to.equal(403);
  }

  it('an administrator cannot give itself a dossier role, nor then assign itself', async () => {
    const admin = await apiAs(t.app, t.config, w.users.admin);
    const self = await admin.patch(`/api/v1/admin/users/${String(w.users.admin._id)}`, { roles: ['admin', 'company_doctor'] });
    expect(self.status).to.equal(403);
    expect(self.body.detail).to.match(/eigen rollen/);
    expect((await User.findById(w.users.admin._id).lean())?.roles).to.deep.equal(['admin']);
    const assign = await admin.put(`/api/v1/clients/${janId()}/assignments`, { companyDoctorId: String(w.users.admin._id) });
    expect(assign.status).to.be.oneOf([400, 403]);
    await expectNoContent(await apiAs(t.app, t.config, w.users.admin));
    expect(await AuditEvent.countDocuments({ 'actor.userId': String(w.users.admin._id), outcome: 'denied' })).to.be.greaterThan(0);
  });

  it('an administrator cannot link its own account to a client, nor change its own organisation or block state', async () => {
    const admin = await apiAs(t.app, t.config, w.users.admin);
    for (const body of [{ clientId: janId() }, { organisationId: String(w.organisations.vos._id) }, { disabled: true }]) {
      const response = await admin.patch(`/api/v1/admin/users/${String(w.users.admin._id)}`, body);
      expect(response.status, JSON.stringify(body)).to.equal(403);
    }
    const stored = await User.findById(w.users.admin._id).lean();
    expect(stored).to.include({ clientId: null, disabled: false });
    expect(String(stored?.organisationId)).to.equal(String(w.organisations.bureau._id));
    await expectNoContent(admin);
  });

  it('an administrator who is also a coach cannot assign itself to a client', async () => {
    const both = await aUser('Beheerder Coach', ['admin', 'coach'], { organisationId: w.organisations.bureau._id });
    const api = await apiAs(t.app, t.config, both);
    const response = await api.put(`/api/v1/clients/${janId()}/assignments`, { coachId: String(both._id) });
    expect(response.status).to.equal(403);
    expect(String((await Client.findById(w.clients.jan._id).lean())?.coachId)).to.equal(String(w.users.anna._id));
    expect((await api.get(`/api/v1/clients/${janId()}/consults`)).status).to.equal(403);
  });

  it('a dossier role granted to someone else waits for the privacy officer, and the proposer cannot confirm it', async () => {
    const admin = await apiAs(t.app, t.config, w.users.admin);
    const colleague = await aUser('Collega', ['admin'], { organisationId: w.organisations.bureau._id });
    const proposed = await admin.patch(`/api/v1/admin/users/${String(colleague._id)}`, { roles: ['admin', 'company_doctor'] });
    expect(proposed.status).to.equal(200);
    expect(proposed.body.roles).to.deep.equal(['admin']);
    expect(proposed.body.pendingGrants).to.have.length(1);
    const grantId = proposed.body.pendingGrants[0]._id as string;
    expect(proposed.body.pendingGrants[0]).to.include({ role: 'company_doctor', status: 'pending' });
    expect((await User.findById(colleague._id).lean())?.roles).to.deep.equal(['admin']);

    expect((await admin.post(`/api/v1/admin/role-grants/${grantId}/approve`)).status, 'the proposer').to.equal(403);
    const other = await apiAs(t.app, t.config, colleague);
    expect((await other.post(`/api/v1/admin/role-grants/${grantId}/approve`)).status, 'the person it is for').to.equal(403);
    const privacy = await apiAs(t.app, t.config, w.users.privacy);
    const confirmed = await privacy.post(`/api/v1/admin/role-grants/${grantId}/approve`);
    expect(confirmed.status).to.equal(200);
    expect(confirmed.body).to.include({ status: 'confirmed', decidedBy: String(w.users.privacy._id) });
    expect((await privacy.post(`/api/v1/admin/role-grants/${grantId}/approve`)).status, 'only once').to.equal(409);
    expect((await User.findById(colleague._id).lean())?.roles).to.have.members(['admin', 'company_doctor']);
    expect(await AuditEvent.countDocuments({ 'object.type': 'RoleGrant' })).to.be.greaterThan(0);
    expect(await AuditEvent.countDocuments({ action: 'role_change', 'actor.userId': String(w.users.privacy._id) })).to.equal(1);
  });

  it('two administrators cannot confirm each other into content; a client link also needs the privacy officer', async () => {
    const admin = await apiAs(t.app, t.config, w.users.admin);
    const second = await aUser('Tweede Beheerder', ['admin'], { organisationId: w.organisations.bureau._id });
    const secondApi = await apiAs(t.app, t.config, second);
    const proposed = await admin.patch(`/api/v1/admin/users/${String(second._id)}`, { clientId: janId() });
    expect(proposed.status).to.equal(200);
    expect(proposed.body.clientId ?? null).to.equal(null);
    const grantId = proposed.body.pendingGrants[0]._id as string;
    expect((await secondApi.post(`/api/v1/admin/role-grants/${grantId}/approve`)).status).to.equal(403);
    const third = await aUser('Derde Beheerder', ['admin'], { organisationId: w.organisations.bureau._id });
    expect((await (await apiAs(t.app, t.config, third)).post(`/api/v1/admin/role-grants/${grantId}/approve`)).status,
      'an administrator confirms only a privacy officer').to.equal(403);
    await expectNoContent(secondApi);
  });

  it('a new privacy officer may be confirmed by a second administrator, never by the proposer', async () => {
    const admin = await apiAs(t.app, t.config, w.users.admin);
    const second = await aUser('Tweede Beheerder', ['admin'], { organisationId: w.organisations.bureau._id });
    const invited = await admin.post('/api/v1/admin/users', { email: 'fg@test.nl', name: 'Nieuwe FG', roles: ['privacy_officer'] });
    expect(invited.status).to.equal(201);
    const grantId = invited.body.pendingGrants[0]._id as string;
    expect((await admin.post(`/api/v1/admin/role-grants/${grantId}/approve`)).status).to.equal(403);
    const confirmed = await (await apiAs(t.app, t.config, second)).post(`/api/v1/admin/role-grants/${grantId}/approve`);
    expect(confirmed.status).to.equal(200);
    expect((await User.findOne({ email: 'fg@test.nl' }).lean())?.roles).to.deep.equal(['privacy_officer']);
  });

  it('the invitation secret reaches only the invitee, by e-mail, never an administrator', async () => {
    const admin = await apiAs(t.app, t.config, w.users.admin);
    const invited = await admin.post('/api/v1/admin/users', { email: 'nieuw@test.nl', name: 'Nieuwe Coach', roles: ['coach'] });
    expect(invited.status).to.equal(201);
    expect(invited.body).to.not.have.property('invitationToken');
    const mail = await waitForMail('nieuw@test.nl', { subject: /uitnodiging/i });
    const token = tokenIn(mail, '/uitnodiging');
    const responses = [invited, await admin.get('/api/v1/admin/users'), await admin.get('/api/v1/admin/invitations'),
      await admin.get('/api/v1/admin/mail-queue')];
    for (const response of responses) expect(JSON.stringify(response.body)).to.not.include(token);
    expect(JSON.stringify(await AuditEvent.find().lean())).to.not.include(token);
  });

  it('nobody accepts an invitation while signed in (an administrator cannot accept one for itself)', async () => {
    const admin = await apiAs(t.app, t.config, w.users.admin);
    await admin.post('/api/v1/admin/users', { email: 'alias@test.nl', name: 'Alias', roles: ['company_doctor'] }).expect(201);
    const token = tokenIn(await waitForMail('alias@test.nl'), '/uitnodiging');
    const accepted = await admin.post('/api/v1/auth/invitation/accept', { token, password: 'Een-lang-en-uniek-wachtwoord-2' });
    expect(accepted.status).to.equal(409);
    expect((await User.findOne({ email: 'alias@test.nl' }).lean())?.passwordHash ?? null).to.equal(null);
    // And the role it was invited with still waits for the privacy officer.
    expect((await User.findOne({ email: 'alias@test.nl' }).lean())?.roles).to.deep.equal([]);
  });

  it('answers 403 to anyone but an administrator on the user list', async () => {
    for (const user of [w.users.anna, w.users.janUser, w.users.privacy, w.users.hrVos]) {
      const api = await apiAs(t.app, t.config, user);
      const response = await api.get('/api/v1/admin/users');
      expect(response.status, user.name).to.equal(403);
      expect(response.body).to.not.have.property('items');
    }
  });

  it('a visitor without a session cannot accept with a guessed token', async () => {
    const visitor = request.agent(t.app);
    const token = await csrfToken(visitor);
    const response = await visitor.post('/api/v1/auth/invitation/accept').set('x-csrf-token', token)
      .send({ token: 'A'.repeat(43), password: 'Een-lang-en-uniek-wachtwoord-2' });
    expect(response.status).to.equal(400);
  });
});

/** Getting in: invitations by e-mail (list, resend, revoke, expiry, client link), and "wachtwoord vergeten". */
import { expect } from 'chai';
import request from 'supertest';
import { AccountToken } from '../../server/src/auth/tokens';
import { AuditEvent } from '../../server/src/audit/model';
import { User } from '../../server/src/db/models/user';
import { testApp, type TestApp } from '../helpers/app';
import { mailTo, tokenIn, waitForMail } from '../helpers/mail';
import { apiAs, csrfToken, signIn } from '../helpers/session';
import { aWorld, type World } from '../helpers/world';

describe('onboarding by e-mail', () => {
  let t: TestApp;
  let w: World;
  beforeEach(async () => {
    t = testApp();
    w = await aWorld();
  });

  async function visitor() {
    const agent = request.agent(t.app);
    const csrf = await csrfToken(agent);
    return { post: (path: string, body: object) => agent.post(`/api/v1${path}`).set('x-csrf-token', csrf).send(body) };
  }

  it('lists pending invitations with their expiry; a resend mails a new link and the old one stops working', async () => {
    const admin = await apiAs(t.app, t.config, w.users.admin);
    const invited = await admin.post('/api/v1/admin/users', { email: 'hr@nieuw.nl', name: 'HR Nieuw', roles: ['employer'] }).expect(201);
    const userId = invited.body.user._id as string;
    const first = tokenIn(await waitForMail('hr@nieuw.nl'), '/uitnodiging');
    const pending = await admin.get('/api/v1/admin/invitations').expect(200);
    expect(pending.body.items).to.have.length(1);
    expect(pending.body.items[0].user).to.include({ email: 'hr@nieuw.nl' });
    const days = (Date.parse(pending.body.items[0].expiresAt) - Date.now()) / 86_400_000;
    expect(days).to.be.within(6.9, 7);
    expect(pending.body.items[0].expired).to.equal(false);

    await admin.post(`/api/v1/admin/invitations/${userId}/resend`).expect(204);
    const second = tokenIn(await waitForMail('hr@nieuw.nl', { count: 2 }), '/uitnodiging');
    expect(second).to.not.equal(first);
    const anyone = await visitor();
    expect((await anyone.post('/auth/invitation/accept', { token: first, password: 'Een-heel-nieuw-wachtwoord' })).status).to.equal(400);
    expect((await anyone.post('/auth/invitation/accept', { token: second, password: 'Een-heel-nieuw-wachtwoord' })).status).to.equal(200);
    expect((await admin.get('/api/v1/admin/invitations')).body.items).to.have.length(0);
    expect((await admin.post(`/api/v1/admin/invitations/${userId}/resend`)).status, 'accepted already').to.equal(409);
    expect(await AuditEvent.countDocuments({ reason: /uitnodiging opnieuw verstuurd/ })).to.equal(1);
    expect(await AuditEvent.countDocuments({ action: 'password_change', reason: /uitnodiging aangenomen/ })).to.equal(1);
  });

  it('revokes an invitation: the account and its link are gone', async () => {
    const admin = await apiAs(t.app, t.config, w.users.admin);
    const invited = await admin.post('/api/v1/admin/users', { email: 'weg@test.nl', name: 'Weg', roles: ['coach'] }).expect(201);
    const token = tokenIn(await waitForMail('weg@test.nl'), '/uitnodiging');
    await admin.delete(`/api/v1/admin/invitations/${invited.body.user._id as string}`).expect(204);
    expect(await User.exists({ email: 'weg@test.nl' })).to.equal(null);
    expect((await (await visitor()).post('/auth/invitation/accept', { token, password: 'Een-heel-nieuw-wachtwoord' })).status).to.equal(400);
    expect(await AuditEvent.countDocuments({ action: 'delete', reason: /ingetrokken/ })).to.equal(1);
    const coach = await apiAs(t.app, t.config, w.users.anna);
    expect((await coach.get('/api/v1/admin/invitations')).status).to.equal(403);
  });

  it('refuses an expired invitation and shows it as expired', async () => {
    const admin = await apiAs(t.app, t.config, w.users.admin);
    await admin.post('/api/v1/admin/users', { email: 'laat@test.nl', name: 'Laat', roles: ['employer'] }).expect(201);
    const token = tokenIn(await waitForMail('laat@test.nl'), '/uitnodiging');
    await AccountToken.updateOne({ purpose: 'invitation' }, { expiresAt: new Date(Date.now() - 1000) });
    const accept = await (await visitor()).post('/auth/invitation/accept', { token, password: 'Een-heel-nieuw-wachtwoord' });
    expect(accept.status).to.equal(400);
    expect(accept.body.detail).to.match(/verlopen/);
    expect((await admin.get('/api/v1/admin/invitations')).body.items[0].expired).to.equal(true);
  });

  it('accepts one invitation link exactly once under ten parallel attempts', async () => {
    const admin = await apiAs(t.app, t.config, w.users.admin);
    await admin.post('/api/v1/admin/users', { email: 'race@test.nl', name: 'Race', roles: ['employer'] }).expect(201);
    const token = tokenIn(await waitForMail('race@test.nl'), '/uitnodiging');
    const anyone = await visitor();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      anyone.post('/auth/invitation/accept', { token, password: `Parallel-wachtwoord-${i}-lang` })));
    expect(answers.map((answer) => answer.status).sort()).to.deep.equal([200, ...Array(9).fill(400)]);
  });

  it('links a client account to its dossier once the privacy officer confirms it', async () => {
    const admin = await apiAs(t.app, t.config, w.users.admin);
    const invited = await admin.post('/api/v1/admin/users', {
      email: 'fatima@test.nl', name: 'Fatima', roles: ['client'], clientId: String(w.clients.fatima._id),
    }).expect(201);
    expect(invited.body.user.roles).to.deep.equal(['client']);
    expect(invited.body.user.clientId).to.equal(null);
    expect(invited.body.pendingGrants[0]).to.include({ kind: 'client_link', clientId: String(w.clients.fatima._id), status: 'pending' });
    const privacy = await apiAs(t.app, t.config, w.users.privacy);
    const waiting = await privacy.get('/api/v1/admin/role-grants?status=pending').expect(200);
    expect(waiting.body.items).to.have.length(1);
    await privacy.post(`/api/v1/admin/role-grants/${waiting.body.items[0]._id as string}/approve`).expect(200);

    const token = tokenIn(await waitForMail('fatima@test.nl'), '/uitnodiging');
    await (await visitor()).post('/auth/invitation/accept', { token, password: 'Fatima-haar-eigen-zin' }).expect(200);
    const fatima = await signIn(t.app, 'fatima@test.nl', { password: 'Fatima-haar-eigen-zin' });
    const me = await fatima.agent.get('/api/v1/me').expect(200);
    expect(me.body.user.clientId).to.equal(String(w.clients.fatima._id));
    await fatima.agent.get(`/api/v1/clients/${String(w.clients.fatima._id)}/consults`).expect(200);
    await fatima.agent.get(`/api/v1/clients/${String(w.clients.jan._id)}/consults`).expect(403);
  });

  it('a rejected proposal never reaches the user', async () => {
    const admin = await apiAs(t.app, t.config, w.users.admin);
    const proposed = await admin.patch(`/api/v1/admin/users/${String(w.users.anna._id)}`, { roles: ['coach', 'company_doctor'] }).expect(200);
    const privacy = await apiAs(t.app, t.config, w.users.privacy);
    const rejected = await privacy.post(`/api/v1/admin/role-grants/${proposed.body.pendingGrants[0]._id as string}/reject`).expect(200);
    expect(rejected.body.status).to.equal('rejected');
    expect((await User.findById(w.users.anna._id).lean())?.roles).to.deep.equal(['coach']);
    await privacy.post(`/api/v1/admin/role-grants/${proposed.body.pendingGrants[0]._id as string}/approve`).expect(409);
  });

  describe('wachtwoord vergeten', () => {
    it('answers a known and an unknown address alike, and mails only the known one', async () => {
      await apiAs(t.app, t.config, w.users.anna); // gives Anna a password
      const anyone = await visitor();
      const known = await anyone.post('/auth/password/forgot', { email: w.users.anna.email });
      const unknown = await anyone.post('/auth/password/forgot', { email: 'niemand@test.nl' });
      expect(known.status).to.equal(202);
      expect(unknown.status).to.equal(202);
      expect(unknown.body).to.deep.equal(known.body);
      const mail = await waitForMail(w.users.anna.email, { subject: /wachtwoord/i });
      expect(mail.text).to.not.include('Anna');
      expect(await mailTo('niemand@test.nl')).to.have.length(0);
      expect(await AuditEvent.countDocuments({ action: 'password_change', outcome: 'denied', reason: /onbekend/ })).to.equal(1);
    });

    it('sets a new password once with the link and ends every session of the user', async () => {
      const laptop = (await apiAs(t.app, t.config, w.users.anna)).agent;
      await laptop.get('/api/v1/me').expect(200);
      const anyone = await visitor();
      await anyone.post('/auth/password/forgot', { email: w.users.anna.email }).expect(202);
      const token = tokenIn(await waitForMail(w.users.anna.email), '/wachtwoord-herstellen');
      expect((await anyone.post('/auth/password/reset', { token, password: 'kort' })).status).to.equal(400);
      await anyone.post('/auth/password/reset', { token, password: 'Een-vers-hersteld-wachtwoord' }).expect(204);
      expect((await anyone.post('/auth/password/reset', { token, password: 'Nog-een-ander-wachtwoord' })).status, 'once').to.equal(400);
      await laptop.get('/api/v1/me').expect(401);
      await signIn(t.app, w.users.anna.email, { password: 'Een-vers-hersteld-wachtwoord' });
      expect(await AuditEvent.countDocuments({ reason: /hersteld via e-mail/ })).to.equal(1);
    });

    it('refuses an expired reset link', async () => {
      await apiAs(t.app, t.config, w.users.anna);
      const anyone = await visitor();
      await anyone.post('/auth/password/forgot', { email: w.users.anna.email }).expect(202);
      const token = tokenIn(await waitForMail(w.users.anna.email), '/wachtwoord-herstellen');
      await AccountToken.updateOne({ purpose: 'password_reset' }, { expiresAt: new Date(Date.now() - 1000) });
      expect((await anyone.post('/auth/password/reset', { token, password: 'Een-vers-hersteld-wachtwoord' })).status).to.equal(400);
    });
  });
});

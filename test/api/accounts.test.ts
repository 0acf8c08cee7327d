import { expect } from 'chai';
import request from 'supertest';
import { User } from '../../server/src/db/models/user';
import { AuditEvent } from '../../server/src/audit/model';
import { testApp, type TestApp } from '../helpers/app';
import { anAccount, csrfToken, PASSWORD, signIn } from '../helpers/session';
import { tokenIn, waitForMail } from '../helpers/mail';
import { AccountToken } from '../../server/src/auth/tokens';

describe('accounts', () => {
  let t: TestApp;
  beforeEach(() => {
    t = testApp();
  });

  it('invites a user by e-mail, who sets a first password once with the link, and then signs in', async () => {
    await anAccount(t.config, { email: 'admin@test.nl', roles: ['admin'], mfa: true });
    const admin = await signIn(t.app, 'admin@test.nl', { mfa: true });
    const invited = await admin.agent.post('/api/v1/admin/users').set('x-csrf-token', admin.csrf)
      .send({ email: 'Nieuw@Test.nl', name: 'Nieuwe Werkgever', roles: ['employer'] }).expect(201);
    expect(invited.body.user).to.include({ email: 'nieuw@test.nl' });
    const mail = await waitForMail('nieuw@test.nl', { subject: /uitnodiging/i });
    expect(mail.text).to.include('http://localhost:3000/uitnodiging#token=');
    const token = tokenIn(mail, '/uitnodiging');
    const stored = await AccountToken.findOne({ purpose: 'invitation' }).lean();
    expect(stored?._id).to.be.a('string').and.not.equal(token);

    const visitor = request.agent(t.app);
    const csrf = await csrfToken(visitor);
    const accept = (password: string) => visitor.post('/api/v1/auth/invitation/accept').set('x-csrf-token', csrf).send({ token, password });
    const common = await accept('wachtwoord123');
    expect(common.status).to.equal(400);
    expect(common.body.detail).to.match(/minstens 12|te bekend/);
    expect((await accept('passwordpassword')).body.detail).to.equal('Dit wachtwoord is te bekend; kies een ander.');
    const accepted = await accept('Mijn-eigen-sterke-zin');
    expect(accepted.status).to.equal(200);
    expect(accepted.body).to.deep.equal({ email: 'nieuw@test.nl' });
    expect((await accept('Nog-een-andere-zin-123')).status, 'the link works once').to.equal(400);
    await signIn(t.app, 'nieuw@test.nl', { password: 'Mijn-eigen-sterke-zin' });
  });

  it('refuses a duplicate e-mail and a non-admin inviter', async () => {
    await anAccount(t.config, { email: 'admin@test.nl', roles: ['admin'], mfa: true });
    await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
    const admin = await signIn(t.app, 'admin@test.nl', { mfa: true });
    await admin.agent.post('/api/v1/admin/users').set('x-csrf-token', admin.csrf)
      .send({ email: 'anna@test.nl', name: 'Anna', roles: ['coach'] }).expect(409);
    const coach = await signIn(t.app, 'anna@test.nl');
    await coach.agent.post('/api/v1/admin/users').set('x-csrf-token', coach.csrf)
      .send({ email: 'x@test.nl', name: 'X', roles: ['admin'] }).expect(403);
    expect(await User.exists({ email: 'x@test.nl' })).to.equal(null);
  });

  it('changes one’s own password only with the current one, and ends the other sessions', async () => {
    await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
    const laptop = await signIn(t.app, 'anna@test.nl');
    const phone = await signIn(t.app, 'anna@test.nl');
    await laptop.agent.post('/api/v1/auth/password').set('x-csrf-token', laptop.csrf)
      .send({ currentPassword: 'Niet-mijn-wachtwoord', newPassword: 'Een-nieuwe-lange-zin' }).expect(400);
    const changed = await laptop.agent.post('/api/v1/auth/password').set('x-csrf-token', laptop.csrf)
      .send({ currentPassword: PASSWORD, newPassword: 'Een-nieuwe-lange-zin' }).expect(200);
    expect(changed.body.csrfToken).to.be.a('string');
    await laptop.agent.get('/api/v1/me').expect(200);
    await phone.agent.get('/api/v1/me').expect(401);
    await signIn(t.app, 'anna@test.nl', { password: 'Een-nieuwe-lange-zin' });
    expect(await AuditEvent.countDocuments({ action: 'password_change' })).to.equal(2);
  });

  it('resets two-factor so the user enrols again', async () => {
    const doctor = await anAccount(t.config, { email: 'arts@test.nl', roles: ['company_doctor'], mfa: true });
    await anAccount(t.config, { email: 'admin@test.nl', roles: ['admin'], mfa: true });
    const admin = await signIn(t.app, 'admin@test.nl', { mfa: true });
    await admin.agent.post(`/api/v1/admin/users/${String(doctor._id)}/mfa-reset`).set('x-csrf-token', admin.csrf).expect(204);
    const stored = await User.findById(doctor._id).lean();
    expect(stored).to.include({ mfaEnabled: false, totpSecret: null });
    const again = await signIn(t.app, 'arts@test.nl');
    await again.agent.get('/api/v1/me').expect(403);
    await again.agent.post('/api/v1/auth/mfa/enrolment').set('x-csrf-token', again.csrf).expect(200);
  });
});

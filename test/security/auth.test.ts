import { expect } from 'chai';
import mongoose from 'mongoose';
import request from 'supertest';
import { User } from '../../server/src/db/models/user';
import { LIMITS } from '../../server/src/auth/throttle';
import { testApp, type TestApp } from '../helpers/app';
import { concretePath, isStateChanging, listApiRoutes } from '../helpers/routes';
import { anAccount, csrfToken, PASSWORD, signIn, TOTP_SECRET, totpCode } from '../helpers/session';

const sessionCookie = (response: request.Response) =>
  ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith('spoorboek.sid='))?.split(';')[0];

describe('authentication', () => {
  let t: TestApp;
  beforeEach(() => {
    t = testApp();
  });

  describe('login', () => {
    it('signs in with the right password and returns the user without secrets', async () => {
      await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
      const agent = request.agent(t.app);
      const token = await csrfToken(agent);
      const response = await agent.post('/api/v1/auth/login').set('x-csrf-token', token)
        .send({ email: 'ANNA@test.nl', password: PASSWORD }).expect(200);
      expect(response.body).to.include({ mfaRequired: false });
      expect(response.body.user).to.include({ email: 'anna@test.nl' });
      expect(JSON.stringify(response.body)).not.to.match(/passwordHash|argon2|totpSecret/);
      const me = await agent.get('/api/v1/me').expect(200);
      expect(me.body.roles).to.deep.equal(['coach']);
      expect(me.body.rules).to.be.an('array').with.length.above(0);
    });

    it('answers an unknown e-mail exactly as a wrong password', async () => {
      await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
      const attempt = async (email: string) => {
        const agent = request.agent(t.app);
        const token = await csrfToken(agent);
        const started = process.hrtime.bigint();
        const response = await agent.post('/api/v1/auth/login').set('x-csrf-token', token).send({ email, password: 'Verkeerd-wachtwoord-123' });
        return { response, ms: Number(process.hrtime.bigint() - started) / 1e6 };
      };
      const wrong = await attempt('anna@test.nl');
      const unknown = await attempt('niemand@test.nl');
      expect(wrong.response.status).to.equal(401);
      expect(unknown.response.status).to.equal(401);
      expect(unknown.response.body).to.deep.equal(wrong.response.body);
      expect(unknown.response.body.detail).to.equal('E-mailadres of wachtwoord onjuist.');
      // Both paths verify an argon2 hash; neither answers without doing that work.
      expect(unknown.ms).to.be.above(5);
    });

    it('gives a session id only at login, and a new one at the second sign-in', async () => {
      await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
      const agent = request.agent(t.app);
      const before = await agent.get('/api/v1/auth/csrf');
      expect(sessionCookie(before), 'no session before sign-in').to.equal(undefined);
      const login = await agent.post('/api/v1/auth/login').set('x-csrf-token', before.body.token)
        .send({ email: 'anna@test.nl', password: PASSWORD }).expect(200);
      expect(sessionCookie(login)).to.be.a('string');
      const again = await agent.post('/api/v1/auth/login').set('x-csrf-token', login.body.csrfToken)
        .send({ email: 'anna@test.nl', password: PASSWORD }).expect(200);
      expect(sessionCookie(again)).to.be.a('string').and.not.equal(sessionCookie(login));
    });

    it('sets the session cookie HttpOnly and SameSite=Strict', async () => {
      const agent = request.agent(t.app);
      await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
      const token = await csrfToken(agent);
      const response = await agent.post('/api/v1/auth/login').set('x-csrf-token', token).send({ email: 'anna@test.nl', password: PASSWORD });
      const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((line) => line.startsWith('spoorboek.sid='));
      expect(cookie).to.match(/HttpOnly/i).and.match(/SameSite=Strict/i);
    });

    it('makes the old session id useless after logout', async () => {
      await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
      const { agent, csrf } = await signIn(t.app, 'anna@test.nl');
      const me = await agent.get('/api/v1/me').expect(200);
      const cookie = me.request.cookies;
      await agent.post('/api/v1/auth/logout').set('x-csrf-token', csrf).expect(204);
      await request(t.app).get('/api/v1/me').set('Cookie', cookie).expect(401);
    });

    it('locks an account out after repeated failures, and an unknown one just the same', async () => {
      await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
      const statuses = async (email: string) => {
        const agent = request.agent(t.app);
        const token = await csrfToken(agent);
        const seen: number[] = [];
        for (let attempt = 0; attempt <= LIMITS.account; attempt++) {
          const response = await agent.post('/api/v1/auth/login').set('x-csrf-token', token).send({ email, password: 'Fout-fout-fout-fout' });
          seen.push(response.status);
        }
        const locked = await agent.post('/api/v1/auth/login').set('x-csrf-token', token).send({ email, password: PASSWORD });
        return { seen, locked };
      };
      const known = await statuses('anna@test.nl');
      const unknown = await statuses('niemand@test.nl');
      expect(known.seen.at(-1)).to.equal(429);
      expect(known.locked.status, 'even the right password waits out the lock').to.equal(429);
      expect(known.locked.headers['content-type']).to.match(/problem\+json/);
      expect(unknown.seen).to.deep.equal(known.seen);
      expect(unknown.locked.body).to.deep.equal(known.locked.body);
    });

    it('does not count successful logins towards the lock of an office address', async () => {
      await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
      for (let attempt = 0; attempt < LIMITS.account + 2; attempt++) await signIn(t.app, 'anna@test.nl');
    });
  });

  describe('CSRF', () => {
    it('rejects every state-changing route without a token or with a wrong one', async () => {
      await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
      const { agent } = await signIn(t.app, 'anna@test.nl');
      const routes = listApiRoutes(t.config).filter(isStateChanging);
      expect(routes.map((route) => route.path)).to.include('/api/v1/auth/login');
      for (const route of routes) {
        for (const token of [undefined, 'verkeerd-token']) {
          const call = agent[route.method](concretePath(route.path));
          if (token) call.set('x-csrf-token', token);
          const response = await call.send({});
          expect(response.status, `${route.method} ${route.path} token=${token}`).to.equal(403);
          expect(response.body.detail).to.match(/CSRF/);
          expect(response.body.type).to.equal('https://spoorboek.nl/problems/csrf');
        }
      }
    });
  });

  describe('two-factor authentication', () => {
    it('blocks a company doctor from every route but enrolment, verification and logout until enrolled', async () => {
      await anAccount(t.config, { email: 'arts@test.nl', roles: ['company_doctor'] });
      const { agent, csrf } = await signIn(t.app, 'arts@test.nl');
      const open = ['/api/v1/auth/csrf', '/api/v1/auth/session', '/api/v1/auth/login', '/api/v1/auth/mfa', '/api/v1/auth/mfa/enrolment',
        '/api/v1/auth/mfa/enrolment/confirm', '/api/v1/auth/logout', '/api/v1/auth/invitation/accept', '/api/v1/openapi.json',
        '/api/v1/privacy-notice', // the privacy notice is for everyone (AVG art. 13)
        '/api/v1/auth/password/forgot', '/api/v1/auth/password/reset'];
      for (const route of listApiRoutes(t.config).filter((candidate) => !open.includes(candidate.path))) {
        const response = await agent[route.method](concretePath(route.path)).set('x-csrf-token', csrf).send({});
        expect([401, 403], `${route.method} ${route.path}`).to.include(response.status);
        if (response.status === 403) expect(response.body.detail).to.match(/tweestapsverificatie/i);
      }
    });

    it('enrols with a QR code and recovery codes, then opens the rest', async () => {
      await anAccount(t.config, { email: 'arts@test.nl', roles: ['company_doctor'] });
      const { agent, csrf } = await signIn(t.app, 'arts@test.nl');
      const enrolment = await agent.post('/api/v1/auth/mfa/enrolment').set('x-csrf-token', csrf).expect(200);
      expect(enrolment.body.qrDataUrl).to.match(/^data:image\/png;base64,/);
      const { generate } = await import('otplib');
      const code = await generate({ secret: enrolment.body.secret });
      const confirmed = await agent.post('/api/v1/auth/mfa/enrolment/confirm').set('x-csrf-token', csrf).send({ code }).expect(200);
      expect(confirmed.body.recoveryCodes).to.have.length(10);
      await agent.get('/api/v1/me').expect(200);
      const stored = await User.findOne({ email: 'arts@test.nl' }).lean();
      expect(stored?.totpSecret).not.to.contain(enrolment.body.secret);
      expect(stored?.recoveryCodes).not.to.include(confirmed.body.recoveryCodes[0]);
    });

    it('accepts a TOTP code once, never twice', async () => {
      await anAccount(t.config, { email: 'arts@test.nl', roles: ['company_doctor'], mfa: true });
      const code = await totpCode();
      const first = await signIn(t.app, 'arts@test.nl');
      await first.agent.post('/api/v1/auth/mfa').set('x-csrf-token', first.csrf).send({ code }).expect(200);
      const second = await signIn(t.app, 'arts@test.nl');
      const replay = await second.agent.post('/api/v1/auth/mfa').set('x-csrf-token', second.csrf).send({ code });
      expect(replay.status).to.equal(401);
      await second.agent.get('/api/v1/me').expect(403);
    });
  });

  describe('account changes count from the next request', () => {
    it('ends the session of a user who is disabled', async () => {
      const anna = await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
      const admin = await anAccount(t.config, { email: 'admin@test.nl', roles: ['admin'], mfa: true });
      const coach = await signIn(t.app, 'anna@test.nl');
      await coach.agent.get('/api/v1/me').expect(200);
      const beheer = await signIn(t.app, 'admin@test.nl', { mfa: true });
      await beheer.agent.patch(`/api/v1/admin/users/${String(anna._id)}`).set('x-csrf-token', beheer.csrf).send({ disabled: true }).expect(200);
      await coach.agent.get('/api/v1/me').expect(401);
      expect(String(admin._id)).to.be.a('string');
    });

    it('applies a role change on the next request', async () => {
      const anna = await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
      await anAccount(t.config, { email: 'admin@test.nl', roles: ['admin'], mfa: true });
      const coach = await signIn(t.app, 'anna@test.nl');
      const beheer = await signIn(t.app, 'admin@test.nl', { mfa: true });
      await beheer.agent.patch(`/api/v1/admin/users/${String(anna._id)}`).set('x-csrf-token', beheer.csrf)
        .send({ roles: ['employer'] }).expect(200);
      await coach.agent.get('/api/v1/me').expect(401);
      const again = await signIn(t.app, 'anna@test.nl');
      expect((await again.agent.get('/api/v1/me').expect(200)).body.roles).to.deep.equal(['employer']);
    });
  });

  describe('timeouts', () => {
    const MINUTE = 60_000;
    const ageSessions = (field: 'lastSeenAt' | 'createdAt', ms: number) =>
      mongoose.connection.collection('sessions').updateMany({}, { $set: { [`session.${field}`]: Date.now() - ms } });

    it('ends a coach’s session after 30 idle minutes, not after 16', async () => {
      await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
      const { agent } = await signIn(t.app, 'anna@test.nl');
      await ageSessions('lastSeenAt', 16 * MINUTE);
      await agent.get('/api/v1/me').expect(200);
      await ageSessions('lastSeenAt', 31 * MINUTE);
      const expired = await agent.get('/api/v1/me').expect(401);
      expect(expired.body.detail).to.equal('Uw sessie is verlopen. Log opnieuw in.');
    });

    it('ends a company doctor’s session after 15 idle minutes', async () => {
      await anAccount(t.config, { email: 'arts@test.nl', roles: ['company_doctor'], mfa: true });
      const { agent } = await signIn(t.app, 'arts@test.nl', { mfa: true });
      await agent.get('/api/v1/me').expect(200);
      await ageSessions('lastSeenAt', 16 * MINUTE);
      await agent.get('/api/v1/me').expect(401);
    });

    it('ends any session 12 hours after login, however active', async () => {
      await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
      const { agent } = await signIn(t.app, 'anna@test.nl');
      await ageSessions('createdAt', 12 * 60 * MINUTE + MINUTE);
      await agent.get('/api/v1/me').expect(401);
    });
  });

  describe('secrets', () => {
    it('never appear in an API response or a log line', async () => {
      await anAccount(t.config, { email: 'arts@test.nl', roles: ['company_doctor'], mfa: true });
      await anAccount(t.config, { email: 'admin@test.nl', roles: ['admin'], mfa: true });
      const bodies: string[] = [];
      const doctor = await signIn(t.app, 'arts@test.nl', { mfa: true });
      bodies.push(JSON.stringify((await doctor.agent.get('/api/v1/me')).body));
      const beheer = await signIn(t.app, 'admin@test.nl', { mfa: true });
      bodies.push(JSON.stringify((await beheer.agent.get('/api/v1/admin/users')).body));
      const invited = await beheer.agent.post('/api/v1/admin/users').set('x-csrf-token', beheer.csrf)
        .send({ email: 'nieuw@test.nl', name: 'Nieuw', roles: ['coach'] }).expect(201);
      await request(t.app).post('/api/v1/auth/login').send({ email: 'x@test.nl', password: PASSWORD });
      const stored = await User.find({}).lean();
      const secrets = [PASSWORD, TOTP_SECRET, ...stored.flatMap((user) => [user.passwordHash, user.totpSecret, ...user.recoveryCodes])]
        .filter((secret): secret is string => typeof secret === 'string' && secret.length > 0);
      const logs = JSON.stringify(t.logLines());
      for (const secret of secrets) {
        for (const body of bodies) expect(body).not.to.contain(secret);
        expect(logs).not.to.contain(secret);
      }
      expect(logs).not.to.contain(invited.body.invitationToken);
      expect(logs).not.to.match(/spoorboek\.sid=/);
    });
  });
});

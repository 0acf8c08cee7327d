/**
 * The steps after the password are guarded like the password itself: wrong two-factor codes, recovery codes and
 * current passwords are counted per account and per session, lock with 429 + Retry-After, and each failure is an
 * audit event; a half-signed-in session lives five minutes.
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import request from 'supertest';
import { SECOND_STEP_LIMITS } from '../../server/src/auth/service';
import { LIMITS } from '../../server/src/auth/throttle';
import { AuditEvent } from '../../server/src/audit/model';
import { testApp, type TestApp } from '../helpers/app';
import { anAccount, PASSWORD, signIn, totpCode } from '../helpers/session';

const MINUTE = 60_000;

/** Moves every counted attempt back in time, as if the lock's window had passed (no sleeping in tests). */
const ageAttempts = (ms: number) =>
  mongoose.connection.collection('authattempts').updateMany({}, [{ $set: { at: { $subtract: ['$at', ms] } } }]).catch(async () => {
    // FerretDB has no update pipelines: rewrite each attempt.
    const attempts = mongoose.connection.collection('authattempts');
    for (const attempt of await attempts.find({}).toArray()) {
      await attempts.updateOne({ _id: attempt._id }, { $set: { at: new Date((attempt.at as Date).getTime() - ms) } });
    }
  });

/** A six-digit code that is certainly not valid now (nor half a minute either side). */
async function aWrongCode(): Promise<string> {
  const valid = new Set([await totpCode(-1), await totpCode(0), await totpCode(1)]);
  for (let n = 123456; ; n = (n + 7919) % 1_000_000) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

function expectLocked(response: request.Response) {
  expect(response.status).to.equal(429);
  expect(response.headers['content-type']).to.match(/problem\+json/);
  expect(Number(response.headers['retry-after'])).to.be.within(1, 15 * 60);
  expect(response.body.detail).to.match(/^Te veel .* Probeer het over .* opnieuw\.$/);
}

describe('the second step', () => {
  let t: TestApp;
  beforeEach(() => {
    t = testApp({ env: { ANONYMOUS_RATE_LIMIT_PER_MINUTE: '10000', MAX_IN_FLIGHT: '1000' } });
  });

  describe('the password step', () => {
    it('checks no more than the limit of 30 parallel wrong passwords for one account', async () => {
      await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
      const agent = request.agent(t.app);
      const token = (await agent.get('/api/v1/auth/csrf')).body.token as string;
      const responses = await Promise.all(Array.from({ length: 30 }, () =>
        agent.post('/api/v1/auth/login').set('x-csrf-token', token).send({ email: 'anna@test.nl', password: 'Fout-fout-fout-fout' })));
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 401).length).to.be.at.most(LIMITS.account);
      expect(statuses.filter((status) => status !== 401 && status !== 429)).to.deep.equal([]);
      for (const response of responses.filter((candidate) => candidate.status === 429)) expectLocked(response);
      // Only checked guesses count (a refused one was never tried): a few more, one by one, reach the lock.
      const guess = () => agent.post('/api/v1/auth/login').set('x-csrf-token', token).send({ email: 'anna@test.nl', password: 'Fout-fout-fout-fout' });
      let more = 0;
      while ((await guess()).status === 401) expect(++more + statuses.filter((status) => status === 401).length).to.be.at.most(LIMITS.account);
      expectLocked(await agent.post('/api/v1/auth/login').set('x-csrf-token', token).send({ email: 'anna@test.nl', password: PASSWORD }));
    });
  });

  describe('two-factor codes', () => {
    it('60 wrong codes, in parallel over several sessions: locked long before, and the right code waits out the lock', async function () {
      this.timeout(60_000);
      await anAccount(t.config, { email: 'arts@test.nl', roles: ['company_doctor'], mfa: true });
      const wrong = await aWrongCode();
      const statuses: number[] = [];
      for (let round = 0; round < 6; round++) {
        const { agent, csrf } = await signIn(t.app, 'arts@test.nl');
        const responses = await Promise.all(Array.from({ length: 10 }, () =>
          agent.post('/api/v1/auth/mfa').set('x-csrf-token', csrf).send({ code: wrong })));
        for (const response of responses) {
          statuses.push(response.status);
          if (response.status === 429) expectLocked(response);
        }
      }
      expect(statuses).to.have.length(60);
      expect(statuses.filter((status) => status === 401).length).to.be.at.most(SECOND_STEP_LIMITS.account);
      expect(statuses.filter((status) => status === 429).length).to.be.at.least(60 - SECOND_STEP_LIMITS.account);

      // Only checked codes count (a refused one was never tried): a few more, one per session, reach the lock.
      let checked = statuses.filter((status) => status === 401).length;
      for (;;) {
        const { agent, csrf } = await signIn(t.app, 'arts@test.nl');
        if ((await agent.post('/api/v1/auth/mfa').set('x-csrf-token', csrf).send({ code: wrong })).status !== 401) break;
        expect(++checked).to.be.at.most(SECOND_STEP_LIMITS.account);
      }
      const locked = await signIn(t.app, 'arts@test.nl');
      expectLocked(await locked.agent.post('/api/v1/auth/mfa').set('x-csrf-token', locked.csrf).send({ code: await totpCode() }));
      await locked.agent.get('/api/v1/me').expect(403);

      await ageAttempts(16 * MINUTE);
      const later = await signIn(t.app, 'arts@test.nl');
      await later.agent.post('/api/v1/auth/mfa').set('x-csrf-token', later.csrf).send({ code: await totpCode() }).expect(200);
      await later.agent.get('/api/v1/me').expect(200);

      const denied = await AuditEvent.find({ action: 'mfa', outcome: 'denied' }).lean();
      expect(denied.length).to.be.at.least(statuses.filter((status) => status === 401).length + 1);
      for (const event of denied) expect(event.reason).to.match(/^(onjuiste of al gebruikte code|geblokkeerd na te veel onjuiste codes)$/);
      expect(denied.filter((event) => event.reason === 'onjuiste of al gebruikte code')).to.have.length(checked);
    });

    it('locks one session after a few wrong codes, before the account’s limit', async () => {
      await anAccount(t.config, { email: 'arts@test.nl', roles: ['company_doctor'], mfa: true });
      const { agent, csrf } = await signIn(t.app, 'arts@test.nl');
      const wrong = await aWrongCode();
      for (let i = 0; i < SECOND_STEP_LIMITS.session; i++) {
        await agent.post('/api/v1/auth/mfa').set('x-csrf-token', csrf).send({ code: wrong }).expect(401);
      }
      expectLocked(await agent.post('/api/v1/auth/mfa').set('x-csrf-token', csrf).send({ code: wrong }));
    });

    it('counts wrong recovery codes the same way, and refuses a right one while locked', async () => {
      const doctor = await anAccount(t.config, { email: 'arts@test.nl', roles: ['company_doctor'], mfa: true });
      const { hashRecoveryCode } = await import('../../server/src/auth/mfa');
      await mongoose.connection.collection('users').updateOne({ _id: doctor._id }, { $set: { recoveryCodes: [hashRecoveryCode('ABCDE-12345')] } });
      const { agent, csrf } = await signIn(t.app, 'arts@test.nl');
      for (let i = 0; i < SECOND_STEP_LIMITS.session; i++) {
        await agent.post('/api/v1/auth/mfa').set('x-csrf-token', csrf).send({ code: `WRONG-${i}000` }).expect(401);
      }
      expectLocked(await agent.post('/api/v1/auth/mfa').set('x-csrf-token', csrf).send({ code: 'ABCDE-12345' }));
      const reasons = (await AuditEvent.find({ action: 'mfa', outcome: 'denied' }).lean()).map((event) => event.reason);
      expect(reasons).to.include('onjuiste of al gebruikte herstelcode').and.to.include('geblokkeerd na te veel onjuiste codes');
      await ageAttempts(16 * MINUTE);
      const later = await signIn(t.app, 'arts@test.nl');
      await later.agent.post('/api/v1/auth/mfa').set('x-csrf-token', later.csrf).send({ code: 'ABCDE-12345' }).expect(200);
    });
  });

  describe('a half-signed-in session', () => {
    const ageSession = (ms: number) =>
      mongoose.connection.collection('sessions').updateMany({}, { $set: { 'session.createdAt': Date.now() - ms } });

    it('is refused after five minutes, even with the right code', async () => {
      await anAccount(t.config, { email: 'arts@test.nl', roles: ['company_doctor'], mfa: true });
      const { agent, csrf } = await signIn(t.app, 'arts@test.nl');
      await ageSession(5 * MINUTE + 10_000);
      await agent.post('/api/v1/auth/mfa').set('x-csrf-token', csrf).send({ code: await totpCode() }).expect(401);
      await agent.get('/api/v1/me').expect(401);
    });

    it('is accepted within five minutes', async () => {
      await anAccount(t.config, { email: 'arts@test.nl', roles: ['company_doctor'], mfa: true });
      const { agent, csrf } = await signIn(t.app, 'arts@test.nl');
      await ageSession(4 * MINUTE);
      await agent.post('/api/v1/auth/mfa').set('x-csrf-token', csrf).send({ code: await totpCode() }).expect(200);
      await agent.get('/api/v1/me').expect(200);
    });

    it('does not shorten a fully signed-in session', async () => {
      await anAccount(t.config, { email: 'arts@test.nl', roles: ['company_doctor'], mfa: true });
      const { agent } = await signIn(t.app, 'arts@test.nl', { mfa: true });
      await ageSession(6 * MINUTE);
      await agent.get('/api/v1/me').expect(200);
    });
  });

  describe('changing one’s password', () => {
    it('throttles wrong current passwords: 429 past the limit, also for the right one, until the lock passes', async () => {
      await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
      const { agent, csrf } = await signIn(t.app, 'anna@test.nl');
      const change = (currentPassword: string) => agent.post('/api/v1/auth/password').set('x-csrf-token', csrf)
        .send({ currentPassword, newPassword: 'Een-nieuwe-lange-zin' });
      const statuses: number[] = [];
      for (let i = 0; i < 9; i++) statuses.push((await change(`Verkeerd-wachtwoord-${i}`)).status);
      expect(statuses.slice(0, SECOND_STEP_LIMITS.session)).to.deep.equal(Array(SECOND_STEP_LIMITS.session).fill(400));
      expect(statuses.slice(SECOND_STEP_LIMITS.session)).to.deep.equal(Array(9 - SECOND_STEP_LIMITS.session).fill(429));
      expectLocked(await change(PASSWORD));
      const reasons = (await AuditEvent.find({ action: 'password_change', outcome: 'denied' }).lean()).map((event) => event.reason);
      expect(reasons).to.include('huidig wachtwoord onjuist').and.to.include('geblokkeerd na te veel onjuiste huidige wachtwoorden');
      await ageAttempts(16 * MINUTE);
      await change(PASSWORD).expect(200);
    });

    it('refuses the current password as the new one, naming the field', async () => {
      await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
      const { agent, csrf } = await signIn(t.app, 'anna@test.nl');
      const response = await agent.post('/api/v1/auth/password').set('x-csrf-token', csrf)
        .send({ currentPassword: PASSWORD, newPassword: PASSWORD }).expect(400);
      expect(response.body.detail).to.match(/^Nieuw wachtwoord: /);
      expect(response.body.errors).to.deep.include({ field: 'body.newPassword', message: response.body.detail });
    });
  });
});

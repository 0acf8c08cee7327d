/**
 * Strangers must not slow down the people signed in: before sign-in nothing is stored (no session, a signed
 * double-submit CSRF token instead), anonymous requests are limited per address, and CSRF is still enforced.
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import request from 'supertest';
import { sweepOldAttempts } from '../../server/src/auth/throttle';
import { fixedWindowLimiter } from '../../server/src/http/rateLimit';
import { testApp, type TestApp } from '../helpers/app';
import { anAccount, PASSWORD, signIn } from '../helpers/session';

const sessionIds = async () =>
  (await mongoose.connection.collection('sessions').find({}, { projection: { _id: 1 } }).toArray()).map((doc) => String(doc._id)).sort();

const cookies = (response: request.Response) => ([] as string[]).concat(response.headers['set-cookie'] ?? []);

describe('anonymous callers', () => {
  describe('store nothing before sign-in', () => {
    let t: TestApp;
    beforeEach(() => {
      // Strangers come from other addresses than the signed-in user (X-Forwarded-For behind one proxy); the
      // per-address limit is raised here so that every call reaches its route.
      // MAX_IN_FLIGHT: room for the parallel batches where a load-shedding limit applies.
      t = testApp({ env: { TRUST_PROXY: '1', ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000', LOG_LEVEL: 'warn', MAX_IN_FLIGHT: '1000' } });
    });

    it('2,000 anonymous calls to csrf, login and openapi leave the sessions collection as it was', async function () {
      this.timeout(120_000);
      await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
      await anAccount(t.config, { email: 'bram@test.nl', roles: ['coach'] });
      const anna = await signIn(t.app, 'anna@test.nl');
      const before = await sessionIds();
      expect(before).to.have.length(1);

      const strangers = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4'];
      const call = async (i: number): Promise<number[]> => {
        const ip = strangers[i % strangers.length]!;
        switch (i % 5) {
          case 0: {
            const response = await request(t.app).get('/api/v1/auth/csrf').set('x-forwarded-for', ip);
            expect(cookies(response).some((cookie) => cookie.startsWith('spoorboek.sid='))).to.equal(false);
            return [response.status];
          }
          case 1:
            return [(await request(t.app).get('/api/v1/openapi.json').set('x-forwarded-for', ip)).status];
          case 2:
            return [(await request(t.app).post('/api/v1/auth/login').set('x-forwarded-for', ip)
              .send({ email: `vreemd${i}@test.nl`, password: 'Geraden-wachtwoord-1' })).status];
          case 3: {
            // A stranger with a valid token: wrong passwords, a locked account (bram), unknown addresses.
            const agent = request.agent(t.app);
            const token = (await agent.get('/api/v1/auth/csrf').set('x-forwarded-for', ip)).body.token as string;
            const email = i % 2 ? 'bram@test.nl' : `onbekend${i}@test.nl`;
            const login = await agent.post('/api/v1/auth/login').set('x-forwarded-for', ip).set('x-csrf-token', token)
              .send({ email, password: 'Geraden-wachtwoord-1' });
            return [200, login.status];
          }
          default:
            return [(await request(t.app).get('/api/v1/me').set('x-forwarded-for', ip)).status];
        }
      };
      const statuses: number[] = [];
      let calls = 0;
      for (let batch = 0; calls < 2000; batch++) {
        const results = await Promise.all(Array.from({ length: 25 }, (_, j) => call(batch * 25 + j)));
        for (const result of results) {
          statuses.push(...result);
          calls += result.length;
        }
      }
      expect(calls).to.be.at.least(2000);
      expect(statuses.filter((status) => status >= 500)).to.deep.equal([]);
      expect(statuses).to.include.members([200, 401, 403, 429]);
      expect(await sessionIds()).to.deep.equal(before);

      // The signed-in user never noticed, and signing in still works with the token flow.
      await anna.agent.get('/api/v1/me').expect(200);
      const again = await signIn(t.app, 'anna@test.nl');
      await again.agent.get('/api/v1/me').expect(200);
      expect(await sessionIds()).to.have.length(2);
    });

    it('write no session on a failed login or a lock-out', async () => {
      await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
      const agent = request.agent(t.app);
      const token = (await agent.get('/api/v1/auth/csrf').expect(200)).body.token as string;
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 7; attempt++) {
        const response = await agent.post('/api/v1/auth/login').set('x-csrf-token', token).send({ email: 'anna@test.nl', password: 'Fout-fout-fout-fout' });
        statuses.push(response.status);
        expect(cookies(response).some((cookie) => cookie.startsWith('spoorboek.sid='))).to.equal(false);
      }
      expect(statuses.at(-1)).to.equal(429);
      const locked = await agent.post('/api/v1/auth/login').set('x-csrf-token', token).send({ email: 'anna@test.nl', password: PASSWORD });
      expect(locked.status).to.equal(429);
      expect(Number(locked.headers['retry-after'])).to.be.within(1, 15 * 60);
      expect(await sessionIds()).to.deep.equal([]);
    });

    it('leaves no login counts behind once their window has passed', async () => {
      const agent = request.agent(t.app);
      const token = (await agent.get('/api/v1/auth/csrf')).body.token as string;
      for (const n of [1, 2, 3]) {
        await agent.post('/api/v1/auth/login').set('x-csrf-token', token).send({ email: `verzonnen${n}@test.nl`, password: 'Geraden-wachtwoord-1' }).expect(401);
      }
      const attempts = mongoose.connection.collection('authattempts');
      expect(await attempts.countDocuments({})).to.equal(6); // each failure: one for the address typed, one for the IP
      expect(await sweepOldAttempts(new Date())).to.equal(0);
      expect(await sweepOldAttempts(new Date(Date.now() + 16 * 60 * 1000))).to.equal(6);
      expect(await attempts.countDocuments({})).to.equal(0);
    });
  });

  describe('CSRF', () => {
    let t: TestApp;
    beforeEach(() => {
      t = testApp();
    });

    const isCsrfProblem = (response: request.Response) => {
      expect(response.status).to.equal(403);
      expect(response.headers['content-type']).to.match(/application\/problem\+json/);
      expect(response.body.type).to.equal('https://spoorboek.nl/problems/csrf');
      expect(response.body.detail).to.match(/CSRF/);
    };

    it('refuses a stranger’s login without a token, with a forged one or with one that is not its cookie', async () => {
      await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
      const body = { email: 'anna@test.nl', password: PASSWORD };
      isCsrfProblem(await request(t.app).post('/api/v1/auth/login').send(body));

      const agent = request.agent(t.app);
      const token = (await agent.get('/api/v1/auth/csrf')).body.token as string;
      const [issued, nonce] = token.split('.');
      const forged = `${issued}.${nonce}.${'A'.repeat(43)}`;
      isCsrfProblem(await request(t.app).post('/api/v1/auth/login').set('x-csrf-token', forged)
        .set('Cookie', `spoorboek.csrf=${forged}`).send(body));
      isCsrfProblem(await request(t.app).post('/api/v1/auth/login').set('x-csrf-token', token).send(body)); // no cookie
      const other = request.agent(t.app);
      await other.get('/api/v1/auth/csrf');
      isCsrfProblem(await other.post('/api/v1/auth/login').set('x-csrf-token', token).send(body)); // someone else's token
      await agent.post('/api/v1/auth/login').set('x-csrf-token', token).send(body).expect(200);
    });

    it('refuses a signed-in user’s request that carries a stranger’s token instead of the session’s', async () => {
      await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
      const { agent } = await signIn(t.app, 'anna@test.nl');
      const stranger = (await request(t.app).get('/api/v1/auth/csrf')).body.token as string;
      isCsrfProblem(await agent.post('/api/v1/auth/logout').set('x-csrf-token', stranger)
        .set('Cookie', `spoorboek.csrf=${stranger}`));
      await agent.get('/api/v1/me').expect(200);
    });

    it('tells the web client whether a session exists without a 401 and without storing one', async () => {
      await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
      const stranger = await request(t.app).get('/api/v1/auth/session').expect(200);
      expect(stranger.body).to.deep.equal({ signedIn: false });
      expect(cookies(stranger)).to.deep.equal([]);
      expect(await sessionIds()).to.deep.equal([]);
      const { agent } = await signIn(t.app, 'anna@test.nl');
      expect((await agent.get('/api/v1/auth/session').expect(200)).body).to.deep.equal({ signedIn: true });
    });

    it('sets the token cookie HttpOnly and SameSite=Strict, and no session cookie', async () => {
      const response = await request(t.app).get('/api/v1/auth/csrf').expect(200);
      const set = cookies(response);
      expect(set.find((cookie) => cookie.startsWith('spoorboek.csrf='))).to.match(/HttpOnly/i).and.match(/SameSite=Strict/i);
      expect(set.some((cookie) => cookie.startsWith('spoorboek.sid='))).to.equal(false);
    });
  });

  describe('rate limit', () => {
    it('answers 429 with Retry-After past the per-address limit, for that address only, never for the signed-in', async () => {
      const t = testApp({ env: { TRUST_PROXY: '1', ANONYMOUS_RATE_LIMIT_PER_MINUTE: '20' } });
      await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
      const anna = await signIn(t.app, 'anna@test.nl'); // 2 anonymous requests from 127.0.0.1
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++) statuses.push((await request(t.app).get('/api/v1/openapi.json').set('x-forwarded-for', '198.51.100.7')).status);
      expect(statuses.slice(0, 20).every((status) => status === 200)).to.equal(true);
      const limited = await request(t.app).post('/api/v1/auth/login').set('x-forwarded-for', '198.51.100.7').send({});
      expect(limited.status).to.equal(429);
      expect(limited.headers['content-type']).to.match(/problem\+json/);
      expect(Number(limited.headers['retry-after'])).to.be.within(1, 60);
      expect(limited.body.detail).to.match(/te veel verzoeken/i);
      await request(t.app).get('/api/v1/auth/csrf').set('x-forwarded-for', '198.51.100.8').expect(200);
      for (let i = 0; i < 25; i++) await anna.agent.get('/api/v1/me').expect(200);
    });

    it('keeps at most its bound of addresses in memory', () => {
      const limiter = fixedWindowLimiter({ limit: 5, windowMs: 60_000, maxKeys: 100 });
      for (let i = 0; i < 5000; i++) limiter.take(`10.0.${i >> 8}.${i & 255}`, 1000);
      expect(limiter.size()).to.be.at.most(100);
      for (let i = 0; i < 5; i++) expect(limiter.take('192.0.2.1', 2000).allowed).to.equal(true);
      expect(limiter.take('192.0.2.1', 2000).allowed).to.equal(false);
      expect(limiter.take('192.0.2.1', 62_000).allowed).to.equal(true);
    });
  });
});

import { expect } from 'chai';
import request from 'supertest';
import { createGuardrails, generate } from 'otplib';
import { loadConfig } from '../../server/src/config';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DemoSeedRefused, seedDemo } from '../../server/src/demo/seed';
import { Consult } from '../../server/src/modules/consults/model';
import { testApp } from '../helpers/app';
import { testDatabase } from '../helpers/database';

/** The table in README.md. */
const DEMO_ACCOUNTS = [
  ['admin@demo.spoorboek.nl', 'admin'],
  ['privacy@demo.spoorboek.nl', 'privacy_officer'],
  ['coach.anna@demo.spoorboek.nl', 'coach'],
  ['coach.bram@demo.spoorboek.nl', 'coach'],
  ['arts.claes@demo.spoorboek.nl', 'company_doctor'],
  ['ad.dijk@demo.spoorboek.nl', 'labour_expert'],
  ['hr@bakkerij-vos.demo', 'employer'],
  ['hr@transport-el.demo', 'employer'],
  ['jan@client.demo', 'client'],
  ['fatima@client.demo', 'client'],
  ['sanne@client.demo', 'client'],
] as const;

describe('the demo organisation', () => {
  it('lets every account in the README table sign in, with two-factor where the role demands it', async function () {
    this.timeout(60_000);
    const { app, config } = testApp();
    await seedDemo(config);
    for (const [email, role] of DEMO_ACCOUNTS) {
      const agent = request.agent(app);
      const csrf = (await agent.get('/api/v1/auth/csrf')).body.token;
      const login = await agent.post('/api/v1/auth/login').set('x-csrf-token', csrf).send({ email, password: DEMO_PASSWORD });
      expect(login.status, email).to.equal(200);
      if (login.body.mfaRequired) {
        const code = await generate({ secret: DEMO_TOTP_SECRET, guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });
        await agent.post('/api/v1/auth/mfa').set('x-csrf-token', login.body.csrfToken).send({ code }).expect(200);
      }
      const me = await agent.get('/api/v1/me').expect(200);
      expect(me.body.roles, email).to.deep.equal([role]);
    }
  });

  it('has consults in every workflow state', async () => {
    const { config } = testApp();
    await seedDemo(config);
    const statuses = await Consult.distinct('status');
    expect(statuses.sort()).to.deep.equal(['approved', 'awaiting_client', 'disputed', 'draft']);
  });

  it('refuses to load into a database that has accounts, and in production', async () => {
    const { config } = testApp();
    await seedDemo(config);
    const again = await seedDemo(config).then(() => undefined, (error: unknown) => error);
    expect(again).to.be.instanceOf(DemoSeedRefused);
    const production = loadConfig({
      NODE_ENV: 'production', MONGODB_URI: testDatabase().uri, SESSION_SECRET: 'x'.repeat(40), MASTER_KEY: Buffer.alloc(32).toString('base64'),
    });
    const refused = await seedDemo(production).then(() => undefined, (error: unknown) => error);
    expect(refused).to.be.instanceOf(DemoSeedRefused);
  });
});

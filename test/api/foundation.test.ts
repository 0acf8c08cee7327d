import { expect } from 'chai';
import { Router } from 'express';
import mongoose, { Schema } from 'mongoose';
import request from 'supertest';
import { testApp } from '../helpers/app';
import { testDatabase } from '../helpers/database';

const Probe = mongoose.model('Probe', new Schema({ label: String, count: Number }));

describe('the foundation', () => {
  describe('the database', () => {
    it('persists a document and reads it back through Mongoose', async () => {
      const created = await Probe.create({ label: 'eerste consult', count: 3 });
      const found = await Probe.findById(created._id).lean();
      expect(found).to.include({ label: 'eerste consult', count: 3 });
    });

    it('refuses query operators smuggled in through a filter value (sanitizeFilter)', async () => {
      await Probe.create({ label: 'geheim', count: 1 });
      const hostile = { label: { $ne: 'x' } } as unknown as { label: string };
      const error = await Probe.find(hostile).lean().then(() => undefined, (caught: unknown) => caught);
      expect(error, 'the operator is taken as a literal value, which cannot be a string')
        .to.be.instanceOf(mongoose.Error.CastError);
    });
  });

  describe('health endpoints', () => {
    it('answers /healthz while the process lives', async () => {
      const { app } = testApp();
      await request(app).get('/healthz').expect(200, { status: 'ok' });
    });

    it('answers /readyz with 200 while the database answers', async () => {
      const { app } = testApp();
      await request(app).get('/readyz').expect(200);
    });

    it('turns /readyz to 503 when the database stops, and back to 200 after it restarts', async function () {
      const embedded = testDatabase().embedded;
      if (!embedded) {
        console.log('      (skipped: MONGODB_URI points at a server this test cannot stop)');
        this.skip();
      }
      this.timeout(60_000);
      const { app } = testApp();
      await embedded.stop();
      try {
        const started = Date.now();
        await request(app).get('/readyz').expect(503);
        expect(Date.now() - started, 'a lost database must fail fast, not hang').to.be.below(5000);
      } finally {
        await embedded.restart();
      }
      await eventually(async () => {
        await request(app).get('/readyz').expect(200);
      }, 30_000);
      await Probe.create({ label: 'na herstart', count: 1 });
    });
  });

  describe('errors as problem+json (RFC 9457)', () => {
    it('gives a 404 problem for an unknown route', async () => {
      const { app } = testApp();
      const response = await request(app).get('/api/v1/bestaat-niet').expect(404);
      expect(response.headers['content-type']).to.match(/^application\/problem\+json/);
      expect(response.body).to.include({ status: 404, title: 'Niet gevonden' });
      expect(response.body.type).to.be.a('string');
      expect(response.body.detail).to.be.a('string');
    });

    it('gives a 400 problem for malformed JSON', async () => {
      const { app } = testApp();
      const response = await request(app)
        .post('/api/v1/iets')
        .set('content-type', 'application/json')
        .send('{"kapot": ')
        .expect(400);
      expect(response.headers['content-type']).to.match(/^application\/problem\+json/);
      expect(response.body.detail).to.equal('De verzonden gegevens zijn geen geldige JSON.');
    });

    it('gives a 500 problem without stack trace or internals, and logs the error', async () => {
      const router = Router();
      router.get('/boom', async () => {
        throw new Error('secret internal detail at /srv/app.ts:12');
      });
      const { app, logLines } = testApp({ deps: { extraRoutes: router } });
      const response = await request(app).get('/boom').expect(500);
      expect(response.headers['content-type']).to.match(/^application\/problem\+json/);
      expect(response.body).to.have.all.keys('type', 'title', 'status', 'detail');
      expect(JSON.stringify(response.body)).not.to.contain('secret internal detail');
      expect(JSON.stringify(response.body)).not.to.match(/at .*\.ts/);
      expect(logLines().some((line) => JSON.stringify(line).includes('secret internal detail'))).to.equal(true);
    });
  });

  describe('security headers', () => {
    it('sends a strict Content-Security-Policy and the helmet headers on every response', async () => {
      const { app } = testApp();
      const response = await request(app).get('/healthz');
      const csp = response.headers['content-security-policy'];
      expect(csp).to.contain("default-src 'self'");
      expect(csp).to.contain("script-src 'self'");
      expect(csp).to.contain("object-src 'none'");
      expect(csp).to.contain("frame-ancestors 'none'");
      expect(csp).not.to.contain('unsafe-inline');
      expect(response.headers['x-content-type-options']).to.equal('nosniff');
      expect(response.headers['x-frame-options']).to.equal('SAMEORIGIN');
      expect(response.headers['referrer-policy']).to.equal('no-referrer');
      expect(response.headers['cache-control']).to.equal('no-store');
      expect(response.headers).not.to.have.property('x-powered-by');
    });
  });
});

async function eventually(check: () => Promise<void>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

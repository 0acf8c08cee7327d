import { expect } from 'chai';
import express from 'express';
import request from 'supertest';
import { testApp } from '../helpers/app';
import { onLoopback } from '../helpers/faultDatabase';

/** A route under /api that answers only when the test lets it, and then tries to answer. */
function aHeldRoute() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let reached!: () => void;
  const arrived = new Promise<void>((resolve) => (reached = resolve));
  let finished!: (outcome: string) => void;
  const handlerDone = new Promise<string>((resolve) => (finished = resolve));
  const router = express.Router();
  router.get('/api/test-held', async (_req, res) => {
    reached();
    await released;
    try {
      res.status(200).json({ late: true });
      finished('answered');
    } catch (error) {
      finished(`threw: ${String(error)}`);
    }
  });
  return { router, release, arrived, handlerDone };
}

describe('overload and deadlines', () => {
  it('refuses requests beyond the in-flight bound with 503, Retry-After and a Dutch explanation, and serves again after', async () => {
    const held = aHeldRoute();
    const t = testApp({ env: { MAX_IN_FLIGHT: '1' }, deps: { extraRoutes: held.router } });
    const server = await onLoopback(t.app);
    try {
      const first = request(server.url).get('/api/test-held').then((response) => response);
      await held.arrived;
      const refused = await request(server.url).get('/api/v1/auth/csrf').expect(503);
      expect(refused.headers['content-type']).to.match(/application\/problem\+json/);
      expect(refused.headers['retry-after']).to.match(/^\d+$/);
      expect(refused.body).to.include({ status: 503, type: 'https://spoorboek.nl/problems/overloaded' });
      expect(refused.body.detail).to.match(/te druk/);
      held.release();
      expect((await first).status).to.equal(200);
      await request(server.url).get('/api/v1/auth/csrf').expect(200);
    } finally {
      held.release();
      await server.close();
    }
  });

  it('answers 503 when a request passes its deadline, and drops the handler\'s own late answer (never two answers)', async () => {
    const held = aHeldRoute();
    const t = testApp({ env: { REQUEST_TIMEOUT_MS: '100' }, deps: { extraRoutes: held.router } });
    const server = await onLoopback(t.app);
    try {
      const timedOut = await request(server.url).get('/api/test-held').expect(503);
      expect(timedOut.headers['retry-after']).to.match(/^\d+$/);
      expect(timedOut.body.type).to.equal('https://spoorboek.nl/problems/deadline-passed');
      expect(timedOut.body.detail).to.match(/duurde te lang/);
      held.release();
      expect(await held.handlerDone, 'the late answer goes nowhere, without an error').to.equal('answered');
      const lines = t.logLines();
      const answered = lines.filter((line) => (line.req as { path?: string } | undefined)?.path === '/api/test-held' && line.res);
      expect(answered.map((line) => (line.res as { statusCode: number }).statusCode), 'one answer, the 503').to.deep.equal([503]);
      expect(JSON.stringify(lines)).not.to.match(/ERR_HTTP_HEADERS_SENT|Cannot set headers/);
      await request(server.url).get('/api/v1/auth/csrf').expect(200);
    } finally {
      held.release();
      await server.close();
    }
  });

  it('/healthz says unhealthy once the supervisor of the database gave up', async () => {
    let gaveUp = false;
    const t = testApp({ deps: { databaseGaveUp: () => gaveUp } });
    const server = await onLoopback(t.app);
    try {
      await request(server.url).get('/healthz').expect(200);
      gaveUp = true;
      const unhealthy = await request(server.url).get('/healthz').expect(503);
      expect(unhealthy.body.status).to.equal('unhealthy');
    } finally {
      await server.close();
    }
  });
});

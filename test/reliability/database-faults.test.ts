/**
 * Faults of the database itself, on a FerretDB of the test's own (loopback, bounded): stalled with SIGSTOP, and
 * killed under its supervisor. The app is not restarted in either case.
 */
import { expect } from 'chai';
import request from 'supertest';
import { testApp } from '../helpers/app';
import { anAccount } from '../helpers/session';
import { aFaultDatabase, onLoopback, signedInAgent, until } from '../helpers/faultDatabase';

describe('database faults', function () {
  this.timeout(90_000);

  it('a stalled database: requests get 503 by their deadline, and work again once it resumes', async () => {
    const fault = await aFaultDatabase({ operationTimeoutMs: 5000 });
    try {
      const t = testApp({ env: { REQUEST_TIMEOUT_MS: '1000' } });
      const server = await onLoopback(t.app);
      try {
        await anAccount(t.config, { email: 'coach@stil.nl', roles: ['coach'] });
        const { agent } = await signedInAgent(server.url, 'coach@stil.nl');
        await agent.get('/api/v1/me').expect(200);

        process.kill(fault.ferretdb.pid()!, 'SIGSTOP');
        const stalled = await agent.get('/api/v1/me');
        expect(stalled.status).to.equal(503);
        expect(stalled.headers['content-type']).to.match(/application\/problem\+json/);
        expect(stalled.headers['retry-after']).to.match(/^\d+$/);
        expect(stalled.body.detail).to.match(/Probeer het/);

        process.kill(fault.ferretdb.pid()!, 'SIGCONT');
        await until(() => agent.get('/api/v1/me'), (response) => response.status === 200);
        const lines = JSON.stringify(t.logLines());
        expect(lines, 'the late handler sent nothing twice').not.to.match(/ERR_HTTP_HEADERS_SENT|Cannot set headers/);
      } finally {
        await server.close();
      }
    } finally {
      await fault.restore();
    }
  });

  it('a killed database: 503s, /healthz unhealthy past the grace, then back by itself within seconds, same session', async () => {
    const events: string[] = [];
    // The first restart waits long enough for the outage to be seen; then the supervisor brings it back.
    const fault = await aFaultDatabase({ supervise: { initialDelayMs: 3000, onEvent: (message) => events.push(message) } });
    try {
      const t = testApp({ env: { HEALTH_DB_GRACE_MS: '200' } });
      const server = await onLoopback(t.app);
      try {
        await anAccount(t.config, { email: 'coach@dood.nl', roles: ['coach'] });
        const { agent } = await signedInAgent(server.url, 'coach@dood.nl');
        await agent.get('/api/v1/me').expect(200);
        await request(server.url).get('/healthz').expect(200);

        process.kill(fault.ferretdb.pid()!, 'SIGKILL');
        const down = await until(() => agent.get('/api/v1/me'), (response) => response.status === 503, { attempts: 20, pauseMs: 100 });
        expect(down.body.detail).to.match(/database/);
        await until(() => request(server.url).get('/healthz'), (response) => response.status === 503, { attempts: 20, pauseMs: 100 });

        await until(() => request(server.url).get('/readyz'), (response) => response.status === 200, { attempts: 80 });
        await until(() => agent.get('/api/v1/me'), (response) => response.status === 200);
        await until(() => request(server.url).get('/healthz'), (response) => response.status === 200);
        await until(async () => events.join('\n'), (log) => /FerretDB restarted/.test(log));
        expect(events.join('\n')).to.match(/stopped unexpectedly \(SIGKILL\); restarting it in 3000 ms/);
        expect(fault.ferretdb.gaveUp()).to.equal(false);
      } finally {
        await server.close();
      }
    } finally {
      await fault.restore();
    }
  });
});

/**
 * The session is written back at most once a minute (not on every request), and the idle timeout still ends it
 * exactly: measured from the last time written, never later than the timeout after the last request.
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import type { RecordedCommand } from '../../server/src/db/commandLog';
import { IDLE_TIMEOUT_MS } from '../../server/src/auth/session';
import { testApp, type TestApp } from '../helpers/app';
import { observeRequestCommands } from '../helpers/commands';
import { apiAs, type Api } from '../helpers/session';
import { aWorld, type World } from '../helpers/world';

describe('session touch', () => {
  let t: TestApp;
  let world: World;
  let anna: Api;
  let sessionWrites: number[];
  const sessions = () => mongoose.connection.collection('sessions');
  const lastSeen = async () => ((await sessions().findOne({}))!.session as { lastSeenAt: number }).lastSeenAt;
  const age = (ms: number) => sessions().updateMany({}, { $set: { 'session.lastSeenAt': Date.now() - ms } });

  beforeEach(async () => {
    sessionWrites = [];
    t = testApp({
      deps: {
        onRequestCommands: (request, sent: RecordedCommand[]) => {
          sessionWrites.push(sent.filter((command) => command.collection === 'sessions' && command.name !== 'find').length);
          observeRequestCommands(request, sent);
        },
      },
    });
    world = await aWorld();
    anna = await apiAs(t.app, t.config, world.users.anna);
  });

  it('is not rewritten by requests within a minute of the last write', async () => {
    sessionWrites = [];
    await anna.get('/api/v1/me').expect(200);
    await anna.get('/api/v1/clients').expect(200);
    expect(sessionWrites).to.deep.equal([0, 0]);
  });

  it('is rewritten, once, by the first request after a minute', async () => {
    await age(61_000);
    const before = await lastSeen();
    sessionWrites = [];
    await anna.get('/api/v1/me').expect(200);
    await anna.get('/api/v1/me').expect(200);
    expect(sessionWrites).to.deep.equal([1, 0]);
    expect(await lastSeen()).to.be.greaterThan(before);
  });

  it('still ends after exactly the idle timeout since the last write, and a touch extends it', async () => {
    await age(IDLE_TIMEOUT_MS.standard - 5000);
    await anna.get('/api/v1/me').expect(200); // touched: a fresh 30 minutes
    await age(IDLE_TIMEOUT_MS.standard - 5000);
    await anna.get('/api/v1/me').expect(200);
    await age(IDLE_TIMEOUT_MS.standard + 1000);
    const expired = await anna.get('/api/v1/me').expect(401);
    expect(expired.body.detail).to.equal('Uw sessie is verlopen. Log opnieuw in.');
  });
});

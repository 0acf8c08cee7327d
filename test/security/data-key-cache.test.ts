/**
 * Unwrapped data keys are kept in memory per client, so a request does not fetch its client's key again; erasure
 * by crypto-shredding (AVG art. 17) must take them out of memory too, or this process could still decrypt.
 */
import { expect } from 'chai';
import mongoose, { Types } from 'mongoose';
import type { CommandStartedEvent, MongoClient } from 'mongodb';
import { dataKeyFor, destroyDataKeys, existingDataKeys } from '../../server/src/crypto/dataKeys';

describe('the data-key cache', () => {
  let keyQueries = 0;
  const count = (event: CommandStartedEvent) => {
    if (event.command[event.commandName] === 'datakeys') keyQueries += 1;
  };
  const driver = () => mongoose.connection.getClient() as unknown as MongoClient;
  beforeEach(() => {
    keyQueries = 0;
    driver().on('commandStarted', count);
  });
  afterEach(() => {
    driver().off('commandStarted', count);
  });

  it('unwraps a client’s key once, then serves it from memory, one at a time and in lists', async () => {
    const clientId = new Types.ObjectId();
    const key = await dataKeyFor(clientId, 'process');
    const sent = keyQueries;
    expect((await dataKeyFor(clientId, 'process')).equals(key)).to.equal(true);
    expect((await existingDataKeys([clientId], 'process')).get(String(clientId))?.equals(key)).to.equal(true);
    expect(keyQueries).to.equal(sent);
  });

  it('forgets the keys of a client whose keys are destroyed', async () => {
    const clientId = new Types.ObjectId();
    const process = await dataKeyFor(clientId, 'process');
    await dataKeyFor(clientId, 'health');
    expect(await destroyDataKeys(clientId)).to.equal(2);
    expect((await existingDataKeys([clientId], 'process')).size).to.equal(0);
    expect((await existingDataKeys([clientId], 'health')).size).to.equal(0);
    // A write after erasure would get a new key, never the destroyed one.
    expect((await dataKeyFor(clientId, 'process')).equals(process)).to.equal(false);
  });
});

import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { MongoClient, type Db } from 'mongodb';
import mongoose from 'mongoose';
import { AuditEvent } from '../../server/src/audit/model';
import { appendAuditEvent, type AuditEntry } from '../../server/src/audit/record';
import { GENESIS_HASH, hashEvent, type ChainedEvent } from '../../server/src/audit/chain';
import { verifyAuditChain } from '../../server/src/audit/verify';
import { sealHead } from '../../server/src/audit/seal';
import { repoRoot } from '../../scripts/ferretdb';
import { testDatabase } from '../helpers/database';

const anEntry = (index: number): AuditEntry => ({
  action: 'read',
  outcome: 'allowed',
  clientId: `client-${index % 3}`,
  actor: { userId: `user-${index % 4}`, name: 'Anna Coach', roles: ['coach'], organisationId: null },
  accessPoint: { ip: '127.0.0.1', userAgent: 'mocha' },
  object: { type: 'Consult', id: `consult-${index}`, compartment: 'process' },
});

async function aChainOf(length: number) {
  for (let index = 0; index < length; index++) await appendAuditEvent(anEntry(index));
}

const events = () => AuditEvent.collection;

describe('the audit chain', () => {
  it('links every event to the one before it, starting from the genesis hash', async () => {
    await aChainOf(3);
    const chain = await events().find({}, { sort: { seq: 1 } }).toArray();
    expect(chain.map((event) => event.seq)).to.deep.equal([1, 2, 3]);
    expect(chain[0]?.prevHash).to.equal(GENESIS_HASH);
    expect(chain[1]?.prevHash).to.equal(chain[0]?.hash);
    expect(await verifyAuditChain()).to.deep.include({ ok: true, count: 3 });
  });

  it('holds no dossier content: ids, names and roles only', async () => {
    await aChainOf(1);
    const [event] = await events().find({}).toArray();
    expect(Object.keys(event ?? {}).sort()).to.deep.equal([
      '_id', 'accessPoint', 'action', 'actor', 'at', 'clientId', 'hash', 'object', 'outcome', 'prevHash', 'reason', 'seq',
    ]);
  });

  it('stays whole when several connections write at once', async function () {
    this.timeout(60_000);
    const { uri, dbName } = testDatabase();
    const clients = await Promise.all([1, 2, 3, 4].map(() => new MongoClient(uri).connect()));
    try {
      const databases = clients.map((client) => client.db(dbName));
      await Promise.all(databases.map(async (database, writer) => {
        for (let index = 0; index < 15; index++) {
          await appendAuditEvent(anEntry(writer * 100 + index), database as unknown as Db);
        }
      }));
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
    const result = await verifyAuditChain();
    expect(result).to.deep.include({ ok: true, count: 60 });
  });

  describe('detects tampering at the right sequence number', () => {
    beforeEach(async () => {
      await aChainOf(8);
    });

    it('a modified event', async () => {
      await events().updateOne({ seq: 4 }, { $set: { action: 'update' } });
      expect(await verifyAuditChain()).to.deep.include({ ok: false, brokenAt: 4 });
    });

    it('a modified event whose hash was recomputed to match', async () => {
      const event = (await events().findOne({ seq: 5 })) as unknown as ChainedEvent;
      const forged = { ...event, outcome: 'denied' };
      await events().updateOne({ seq: 5 }, { $set: { outcome: 'denied', hash: hashEvent(forged) } });
      expect(await verifyAuditChain()).to.deep.include({ ok: false, brokenAt: 6 });
    });

    it('a deleted event', async () => {
      await events().deleteOne({ seq: 5 });
      expect(await verifyAuditChain()).to.deep.include({ ok: false, brokenAt: 5 });
    });

    it('an inserted event, with the later ones renumbered to make room', async () => {
      for (let seq = 8; seq >= 6; seq--) await events().updateOne({ seq }, { $set: { seq: seq + 1 } });
      const previous = (await events().findOne({ seq: 5 })) as unknown as { hash: string };
      const forged: ChainedEvent = {
        seq: 6, at: new Date(), action: 'read', outcome: 'allowed', reason: null, clientId: 'client-9',
        actor: { userId: 'intruder', name: 'X', roles: ['admin'], organisationId: null, onBehalfOf: null },
        accessPoint: { ip: null, userAgent: null }, object: { type: 'Client', id: 'c', compartment: 'process' },
        prevHash: previous.hash,
      };
      await events().insertOne({ ...forged, hash: hashEvent(forged) });
      expect(await verifyAuditChain()).to.deep.include({ ok: false, brokenAt: 7 });
    });

    it('two events swapped', async () => {
      await events().updateOne({ seq: 3 }, { $set: { seq: -3 } });
      await events().updateOne({ seq: 4 }, { $set: { seq: 3 } });
      await events().updateOne({ seq: -3 }, { $set: { seq: 4 } });
      expect(await verifyAuditChain()).to.deep.include({ ok: false, brokenAt: 3 });
    });
  });

  describe('sealed heads', () => {
    const key = Buffer.alloc(32, 7);

    it('reveal a chain whose tail was cut off', async () => {
      await aChainOf(6);
      await sealHead(key);
      expect(await verifyAuditChain(key)).to.deep.include({ ok: true, count: 6 });
      await events().deleteMany({ seq: mongoose.trusted({ $gte: 5 }) });
      expect(await verifyAuditChain(), 'without seals a cut tail looks whole').to.deep.include({ ok: true, count: 4 });
      expect(await verifyAuditChain(key)).to.deep.include({ ok: false, brokenAt: 5 });
    });

    it('reveal a chain rewritten from scratch with every hash recomputed', async () => {
      await aChainOf(4);
      await sealHead(key);
      const chain = await events().find({}, { sort: { seq: 1 } }).toArray();
      let prevHash = GENESIS_HASH;
      for (const raw of chain) {
        const event = { ...(raw as unknown as ChainedEvent), prevHash, ...(raw.seq === 2 ? { outcome: 'denied' } : {}) };
        const hash = hashEvent(event);
        await events().updateOne({ seq: raw.seq }, { $set: { prevHash, outcome: event.outcome, hash } });
        prevHash = hash;
      }
      expect(await verifyAuditChain(), 'the rewritten chain is consistent in itself').to.deep.include({ ok: true });
      expect(await verifyAuditChain(key)).to.deep.include({ ok: false, brokenAt: 4 });
    });

    it('cannot be forged without the key', async () => {
      await aChainOf(2);
      await sealHead(Buffer.alloc(32, 9));
      expect(await verifyAuditChain(key)).to.deep.include({ ok: false });
    });
  });

  describe('npm run audit:verify', () => {
    const runVerify = () => {
      const { uri, dbName } = testDatabase();
      const databaseUri = new URL(uri);
      databaseUri.pathname = `/${dbName}`;
      return spawnSync('npx', ['tsx', 'scripts/auditVerify.ts'], {
        cwd: repoRoot, encoding: 'utf8', env: { ...process.env, MONGODB_URI: databaseUri.toString() }, timeout: 60_000,
      });
    };

    it('reports OK on an intact chain and names the first broken link otherwise', async function () {
      this.timeout(90_000);
      await aChainOf(4);
      const intact = runVerify();
      expect(intact.status, intact.stderr).to.equal(0);
      expect(intact.stdout).to.match(/audit chain OK: 4 event\(s\)/);

      await mongoose.connection.collection(AuditEvent.collection.collectionName).updateOne({ seq: 2 }, { $set: { clientId: 'other' } });
      const broken = runVerify();
      expect(broken.status).to.equal(1);
      expect(broken.stderr).to.match(/BROKEN at sequence 2/);
    });
  });
});

import { expect } from 'chai';
import { MongoClient, ObjectId, type Db } from 'mongodb';
import { Types } from 'mongoose';
import { AuditEvent } from '../../server/src/audit/model';
import { appendAuditEvent, auditAppendStats, type AuditEntry } from '../../server/src/audit/record';
import { AuditSeal, sealHead, startSealing } from '../../server/src/audit/seal';
import { verifyAuditChain } from '../../server/src/audit/verify';
import { reconcileAuditTrail, RESTORED_REASON } from '../../server/src/audit/coverage';
import { prepareAuditTrail } from '../../server/src/audit/startup';
import { createLogger } from '../../server/src/logger';
import { Consult } from '../../server/src/modules/consults/model';
import { Activity } from '../../server/src/modules/activities/model';
import { testApp } from '../helpers/app';
import { testDatabase } from '../helpers/database';
import { apiAs } from '../helpers/session';
import { aWorld } from '../helpers/world';

const anEntry = (index: number): AuditEntry => ({
  action: 'read', outcome: 'allowed', clientId: `client-${index % 5}`,
  actor: { userId: `user-${index % 7}`, name: 'Anna Coach', roles: ['coach'], organisationId: null },
  accessPoint: { ip: '127.0.0.1', userAgent: 'mocha' },
  object: { type: 'Consult', id: `consult-${index}`, compartment: 'process' },
});

const silent = createLogger({ level: 'silent' });

describe('the audit trail under load and after faults', () => {
  describe('batched appends', () => {
    it('keep every sequence number unique and the chain whole with hundreds of appends at once, over several connections', async function () {
      this.timeout(120_000);
      const { uri, dbName } = testDatabase();
      const others = await Promise.all([1, 2].map(() => new MongoClient(uri).connect()));
      const batchesBefore = auditAppendStats.batches;
      try {
        const appended = await Promise.all([
          ...Array.from({ length: 300 }, (_, index) => appendAuditEvent(anEntry(index))),
          ...others.map((client) => client.db(dbName) as unknown as Db).flatMap((database, writer) =>
            Array.from({ length: 50 }, (_, index) => appendAuditEvent(anEntry(1000 * (writer + 1) + index), database))),
        ]);
        const seqs = appended.map((event) => event.seq);
        expect(new Set(seqs).size, 'each caller got its own number').to.equal(400);
        expect(Math.max(...seqs)).to.equal(400);
      } finally {
        await Promise.all(others.map((client) => client.close()));
      }
      expect(await verifyAuditChain()).to.deep.include({ ok: true, count: 400 });
      expect(auditAppendStats.batches - batchesBefore, 'the waiting events went out together').to.be.lessThan(400);
      // Every caller's event is the one stored under its number.
      const stored = await AuditEvent.collection.find({ 'object.id': 'consult-7' }).toArray();
      expect(stored).to.have.length(1);
    });
  });

  describe('sealing', () => {
    it('seals the head at start-up, so a tail cut off while the server was down is caught', async () => {
      for (let index = 0; index < 3; index++) await appendAuditEvent(anEntry(index));
      const t = testApp();
      const stop = await prepareAuditTrail(t.config, silent);
      try {
        const seals = await AuditSeal.collection.find({}).toArray();
        expect(seals.map((seal) => seal.seq)).to.deep.equal([3]);
        await AuditEvent.collection.deleteOne({ seq: 3 });
        expect(await verifyAuditChain(t.config.masterKey)).to.deep.include({ ok: false, brokenAt: 3 });
      } finally {
        stop();
      }
    });

    it('seals again every N events', async () => {
      const t = testApp({ env: { AUDIT_SEAL_EVERY_EVENTS: '5' } });
      const stop = startSealing(t.config.masterKey, { everyEvents: t.config.auditSealEveryEvents, intervalMs: 0, onError: () => {} });
      try {
        for (let index = 0; index < 4; index++) await appendAuditEvent(anEntry(index));
        expect(await AuditSeal.collection.countDocuments({}), 'not yet at 5').to.equal(0);
        for (let index = 4; index < 11; index++) await appendAuditEvent(anEntry(index));
        const seals = await waitForSeals(2);
        expect(seals.map((seal) => seal.seq)).to.deep.equal([5, 10]);
        expect(await verifyAuditChain(t.config.masterKey)).to.deep.include({ ok: true, count: 11 });
      } finally {
        stop();
      }
    });
  });

  describe('records saved without their create event (a crash between the two writes)', () => {
    it('are reported by the verification and restored at start-up with the reason "hersteld na onderbreking"', async () => {
      const t = testApp();
      const world = await aWorld();
      await reconcileAuditTrail('testwereld geladen'); // the world's own records were written directly
      const anna = await apiAs(t.app, t.config, world.users.anna);
      const clientId = String(world.clients.jan._id);
      const logged = await anna.post(`/api/v1/clients/${clientId}/consults`, {
        date: '2026-11-20', durationMinutes: 30, kind: 'progress', summary: 'Gewoon opgeslagen',
      }).expect(201);

      // The fault: the record is saved, then the process stops before its event is appended.
      const lostConsult = await Consult.create({
        clientId, coachId: world.users.anna._id, date: new Date(), durationMinutes: 30, kind: 'progress', status: 'draft',
        summary: 'enc1:AAAA', revisions: [],
      });
      const lostActivity = await Activity.create({ clientId, authorId: world.users.anna._id, date: new Date(), kind: 'phone', minutes: 5 });

      const before = await verifyAuditChain(t.config.masterKey);
      expect(before.ok, 'the chain itself has no gap').to.equal(true);
      expect(before.unaudited).to.equal(2);
      expect(before.unauditedRecords).to.have.deep.members([
        { type: 'Consult', id: String(lostConsult._id) }, { type: 'Activity', id: String(lostActivity._id) },
      ]);
      expect(before.unauditedRecords.map((record) => record.id)).not.to.include(logged.body.id);

      const privacy = await apiAs(t.app, t.config, world.users.privacy);
      const viaApi = await privacy.get('/api/v1/audit/verify').expect(200);
      expect(viaApi.body).to.include({ ok: true, unaudited: 2 });

      const stop = await prepareAuditTrail(t.config, silent); // what start-up does
      stop();
      const restored = await AuditEvent.collection.findOne({ 'object.id': String(lostConsult._id) });
      expect(restored).to.deep.include({ action: 'create', outcome: 'allowed', reason: RESTORED_REASON, clientId });
      expect(restored?.actor.userId).to.equal(String(world.users.anna._id));
      const after = await verifyAuditChain(t.config.masterKey);
      expect(after).to.deep.include({ ok: true, unaudited: 0 });
      expect(await reconcileAuditTrail(), 'nothing left to restore').to.have.length(0);
    });

    it('looks back only to shortly before the last seal at start-up, while the verification looks at everything', async () => {
      const t = testApp();
      const world = await aWorld();
      await reconcileAuditTrail('testwereld geladen');
      await sealHead(t.config.masterKey);
      const longAgo = new Types.ObjectId(ObjectId.createFromTime(Math.floor(Date.now() / 1000) - 24 * 3600).toHexString());
      await Activity.create({ _id: longAgo, clientId: world.clients.jan._id, authorId: world.users.anna._id, date: new Date(), kind: 'phone', minutes: 5 });
      expect(await reconcileAuditTrail()).to.have.length(0);
      expect((await verifyAuditChain(t.config.masterKey)).unauditedRecords).to.deep.equal([{ type: 'Activity', id: String(longAgo) }]);
    });
  });
});

/** Seals by count are written after the append that crossed the multiple; wait (bounded) until they are there. */
async function waitForSeals(count: number) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const seals = await AuditSeal.collection.find({}, { sort: { seq: 1 } }).toArray();
    if (seals.length >= count) return seals;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return AuditSeal.collection.find({}, { sort: { seq: 1 } }).toArray();
}

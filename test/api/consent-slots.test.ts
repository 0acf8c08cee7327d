/** Consents and handovers stored before the unique slots existed are given theirs when the indexes are built. */
import { expect } from 'chai';
import { Types } from 'mongoose';
import { ensureIndexes } from '../../server/src/db/connection';
import { Consent, Handover, standingSlotOf } from '../../server/src/db/models/consent';

describe('consent slots for records from before they existed', () => {
  it('take the standing slot, free it when withdrawn, and keep an earlier duplicate standing under its own', async () => {
    const clientId = new Types.ObjectId();
    const reportId = new Types.ObjectId();
    const base = { clientId, purpose: 'report.share', reportId, handoverId: null, text: 'x', grantedBy: new Types.ObjectId() };
    const [first, second, withdrawn] = [new Types.ObjectId(), new Types.ObjectId(), new Types.ObjectId()];
    // As the old code left them: no unique slot index yet, and no slot at all on the records.
    await Consent.collection.dropIndex('standingSlot_1');
    await Handover.collection.dropIndex('openSlot_1');
    await Consent.collection.insertMany([
      { _id: first, ...base, grantedAt: new Date('2026-01-01'), withdrawnAt: null },
      { _id: second, ...base, grantedAt: new Date('2026-01-02'), withdrawnAt: null },
      { _id: withdrawn, ...base, grantedAt: new Date('2025-12-01'), withdrawnAt: new Date('2025-12-15') },
    ]);
    const handoverId = new Types.ObjectId();
    await Handover.collection.insertOne({ _id: handoverId, clientId, fromCoachId: clientId, toCoachId: clientId, validFrom: new Date(), validUntil: new Date(), createdBy: clientId });

    await ensureIndexes();

    const slots = Object.fromEntries((await Consent.find({ clientId }).lean()).map((consent) => [String(consent._id), consent.standingSlot]));
    expect(slots).to.deep.equal({
      [String(first)]: standingSlotOf({ clientId, purpose: 'report.share', reportId }),
      [String(second)]: `duplicate:${String(second)}`,
      [String(withdrawn)]: `withdrawn:${String(withdrawn)}`,
    });
    expect((await Handover.findById(handoverId).lean())!.openSlot).to.equal(`closed:${String(handoverId)}`);
    const indexes = (await Consent.collection.indexes()).map((index) => index.name);
    expect(indexes).to.include('standingSlot_1');
  });
});

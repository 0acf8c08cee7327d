import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { beforeIndexes } from '../connection';
import { factsSource } from '../../policy/factsVersion';
import { CONSENT_PURPOSES } from '@spoorboek/shared/domain';
import { sealedFields, text } from '../../crypto/sealed';

/**
 * A client's purpose-bound consent (toestemming). Withdrawal sets `withdrawnAt`; nothing is deleted, so every
 * grant and withdrawal stays on record and withdrawal is never retroactive (Privacyverklaring Ros Loopbaan).
 */
const consentSchema = new Schema(
  {
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    purpose: { type: String, enum: CONSENT_PURPOSES, required: true },
    reportId: { type: Schema.Types.ObjectId, ref: 'Report', default: null },
    handoverId: { type: Schema.Types.ObjectId, ref: 'Handover', default: null },
    /** The exact text the client agreed to (sealed: it can name a report's title). */
    text: { type: String, required: true },
    grantedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    grantedAt: { type: Date, required: true },
    withdrawnAt: { type: Date, default: null },
    /** For a handover: the substitute may also see the FML capacities the client allowed their coach to see. */
    includesCapacities: { type: Boolean, default: false },
    /**
     * One standing consent per client, purpose and object, enforced by the database itself (a unique index holds
     * on FerretDB and MongoDB alike, a check-then-insert does not): while the consent stands this is
     * `standingSlotOf(...)`; withdrawal sets it to `withdrawn:<own id>`, which frees the slot for a new consent.
     */
    standingSlot: { type: String, required: true },
    /** Raised by every step on the consent (withdrawal); a step claims the next one (db/guardedUpdate.ts). */
    version: { type: Number, default: 0 },
  },
  { timestamps: false },
);
consentSchema.index({ clientId: 1, purpose: 1 });
consentSchema.index({ standingSlot: 1 }, { unique: true });

/** The slot a standing consent holds: one per client, purpose and the report or handover it is about. */
export function standingSlotOf(consent: { clientId: unknown; purpose: string; reportId?: unknown; handoverId?: unknown }): string {
  return `${String(consent.clientId)}:${consent.purpose}:${String(consent.reportId ?? consent.handoverId ?? '-')}`;
}
export const withdrawnSlotOf = (consentId: unknown) => `withdrawn:${String(consentId)}`;

consentSchema.pre('validate', function fillSlot() {
  this.standingSlot ??= this.withdrawnAt ? withdrawnSlotOf(this._id) : standingSlotOf(this);
});

/** A substitute coach (vervangend coach) taking over a dossier for a while, with the client's consent (Privacyreglement Re-integratieonderwijs.nl). */
const handoverSchema = new Schema(
  {
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    fromCoachId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    toCoachId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** 00:00 Europe/Amsterdam on the first day. */
    validFrom: { type: Date, required: true },
    /** 00:00 Europe/Amsterdam after the last day: access ends at the end of the last day (exclusive bound). */
    validUntil: { type: Date, required: true },
    /** The days as the coach chose them (JJJJ-MM-DD, Europe/Amsterdam), the last one inclusive. */
    firstDay: { type: String, default: null },
    lastDay: { type: String, default: null },
    reason: { type: String, maxlength: 500, default: null },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /**
     * One open request (not yet answered by the client) per client, by a unique index: `open:<clientId>` while it
     * waits, `closed:<own id>` once the client consented or it ran out.
     */
    openSlot: { type: String, required: true, default: function closedSlot(this: { _id: unknown }) { return closedSlotOf(this._id); } },
    version: { type: Number, default: 0 },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
handoverSchema.index({ openSlot: 1 }, { unique: true });
handoverSchema.index({ clientId: 1 });
handoverSchema.index({ toCoachId: 1, validUntil: 1 });

export type ConsentData = InferSchemaType<typeof consentSchema>;
consentSchema.plugin(factsSource()); // consents and handovers are the policy's facts
export const Consent = mongoose.model('Consent', consentSchema);

/** A consent's text can name a report's title, so it is sealed like the report itself. */
export const sealedConsent = sealedFields<ConsentData & { _id: mongoose.Types.ObjectId }>('Consent', 'process', { text });
export const openSlotOf = (clientId: unknown) => `open:${String(clientId)}`;
export function closedSlotOf(handoverId: unknown) { return `closed:${String(handoverId)}`; }

export type HandoverData = InferSchemaType<typeof handoverSchema>;
handoverSchema.plugin(factsSource());
export const Handover = mongoose.model('Handover', handoverSchema);

/**
 * Consents and handovers stored before their slots existed get one: a withdrawn consent or a handover frees its
 * slot, a standing consent takes its standing slot. Should the old check-then-insert have let two standing consents
 * for one slot through, the later ones keep standing under a slot of their own (`duplicate:<id>`): they were
 * given, and only the client withdraws them.
 */
beforeIndexes.push(async () => {
  const taken = new Set<string>();
  const legacy = await Consent.find({ standingSlot: null }, { clientId: 1, purpose: 1, reportId: 1, handoverId: 1, withdrawnAt: 1 })
    .sort({ grantedAt: 1 }).lean();
  for (const consent of legacy) {
    let slot = consent.withdrawnAt ? withdrawnSlotOf(consent._id) : standingSlotOf(consent);
    if (!consent.withdrawnAt && (taken.has(slot) || await Consent.exists({ standingSlot: slot }))) slot = `duplicate:${String(consent._id)}`;
    taken.add(slot);
    await Consent.updateOne({ _id: consent._id, standingSlot: null }, { $set: { standingSlot: slot } });
  }
  for (const handover of await Handover.find({ openSlot: null }, { _id: 1 }).lean()) {
    await Handover.updateOne({ _id: handover._id, openSlot: null }, { $set: { openSlot: closedSlotOf(handover._id) } });
  }
});

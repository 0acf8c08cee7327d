import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { CONSENT_PURPOSES } from '../../../../shared/src/domain';

/**
 * A client's purpose-bound consent (toestemming). Withdrawal sets `withdrawnAt`; nothing is deleted, so every
 * grant and withdrawal stays on record and withdrawal is never retroactive (seed 001).
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
  },
  { timestamps: false },
);
consentSchema.index({ clientId: 1, purpose: 1 });

/** A substitute coach (vervangend coach) taking over a dossier for a while, with the client's consent (seed 004). */
const handoverSchema = new Schema(
  {
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    fromCoachId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    toCoachId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    validFrom: { type: Date, required: true },
    validUntil: { type: Date, required: true },
    reason: { type: String, maxlength: 500, default: null },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
handoverSchema.index({ clientId: 1 });
handoverSchema.index({ toCoachId: 1, validUntil: 1 });

export type ConsentData = InferSchemaType<typeof consentSchema>;
export const Consent = mongoose.model('Consent', consentSchema);
export type HandoverData = InferSchemaType<typeof handoverSchema>;
export const Handover = mongoose.model('Handover', handoverSchema);

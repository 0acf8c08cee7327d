/**
 * The audit trail (NEN 7513): append-only and hash-chained. This module offers no update or delete; ids only,
 * never dossier content, so the log survives crypto-shredding of a client. Kept 5 years (docs/design.md §2).
 */
import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from '@spoorboek/shared/domain';

const auditActorSchema = new Schema(
  {
    userId: { type: String, default: null },
    name: { type: String, default: null },
    roles: { type: [String], default: [] },
    organisationId: { type: String, default: null },
    /** When acting for someone else (e.g. a substitute coach): whose behalf. */
    onBehalfOf: { type: String, default: null },
  },
  { _id: false },
);

const auditEventSchema = new Schema(
  {
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
    action: { type: String, enum: AUDIT_ACTIONS, required: true },
    outcome: { type: String, enum: AUDIT_OUTCOMES, required: true },
    reason: { type: String, default: null },
    clientId: { type: String, default: null },
    actor: { type: auditActorSchema, required: true },
    accessPoint: {
      type: new Schema({ ip: { type: String, default: null }, userAgent: { type: String, default: null } }, { _id: false }),
      required: true,
    },
    object: {
      type: new Schema(
        {
          type: { type: String, default: null },
          id: { type: String, default: null },
          compartment: { type: String, enum: ['process', 'health', 'system'], default: 'system' },
        },
        { _id: false },
      ),
      required: true,
    },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { versionKey: false },
);
/** The chain's order; unique, so two writers racing for the same number cannot both win. */
auditEventSchema.index({ seq: 1 }, { unique: true });
auditEventSchema.index({ clientId: 1, at: 1 });
auditEventSchema.index({ at: 1 });

export type AuditEventData = InferSchemaType<typeof auditEventSchema>;
export const AuditEvent = mongoose.model('AuditEvent', auditEventSchema);

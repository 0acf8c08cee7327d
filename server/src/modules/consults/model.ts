import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { CONSULT_KINDS, CONSULT_STATUSES } from '../../../../shared/src/domain';

/** One earlier version of the summary, kept whenever the coach revises it (seed 004 §3.5). */
const revisionSchema = new Schema(
  {
    summary: { type: String, required: true },
    date: { type: Date, required: true },
    durationMinutes: { type: Number, required: true },
    kind: { type: String, enum: CONSULT_KINDS, required: true },
    clientComment: { type: String, default: null },
    by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

/** A correction to an approved, locked summary: added, never edited in (AVG art. 16). */
const addendumSchema = new Schema(
  {
    text: { type: String, required: true },
    by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    at: { type: Date, required: true },
  },
  { _id: true },
);

/** A consult (gesprek) and its summary, which the client approves or disputes. */
const consultSchema = new Schema(
  {
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    coachId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    date: { type: Date, required: true },
    durationMinutes: { type: Number, required: true, min: 1, max: 600 },
    kind: { type: String, enum: CONSULT_KINDS, required: true },
    summary: { type: String, required: true },
    status: { type: String, enum: CONSULT_STATUSES, required: true, default: 'draft' },
    clientComment: { type: String, default: null },
    revisions: { type: [revisionSchema], default: [] },
    addenda: { type: [addendumSchema], default: [] },
    approvedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
consultSchema.index({ clientId: 1, date: -1 });

export type ConsultData = InferSchemaType<typeof consultSchema>;
export const Consult = mongoose.model('Consult', consultSchema);

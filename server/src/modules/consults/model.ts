import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { CONSULT_KINDS, CONSULT_STATUSES, type ConsultStatus } from '@spoorboek/shared/domain';
import { sealedFields, text } from '../../crypto/sealed';

/**
 * Every version of the summary the coach wrote (Privacyreglement Re-integratieonderwijs.nl art. 3.5): who wrote it and when, when it went to the
 * client, and the client's comment on it. The last one is the current text. Text fields are ciphertext.
 */
const revisionSchema = new Schema(
  {
    summary: { type: String, required: true },
    date: { type: Date, required: true },
    durationMinutes: { type: Number, required: true },
    kind: { type: String, enum: CONSULT_KINDS, required: true },
    by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    at: { type: Date, required: true },
    sentAt: { type: Date, default: null },
    clientComment: { type: String, default: null },
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

/**
 * A consult (gesprek) and its summary, which the client approves or disputes. `summary`, `clientComment` and the
 * texts of revisions and addenda are ciphertext under the client's process key (crypto/envelope.ts).
 */
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
    /** Raised by every workflow step; a step claims the next one (db/guardedUpdate.ts). */
    version: { type: Number, default: 0 },
  },
  { timestamps: true },
);
consultSchema.index({ clientId: 1, date: -1 });

export type ConsultData = InferSchemaType<typeof consultSchema>;
export const Consult = mongoose.model('Consult', consultSchema);

/** The summary and comments of the consult and of every revision (by index), and each addendum (by its id). */
export const sealedConsult = sealedFields<ConsultData & { _id: mongoose.Types.ObjectId }>('Consult', 'process', {
  summary: text,
  clientComment: text,
  'revisions[].summary': text,
  'revisions[].clientComment': text,
  'addenda[].text': { as: 'addenda.{id}' },
});

type Transition = 'send' | 'approve' | 'dispute';

/** The workflow (Privacyreglement Re-integratieonderwijs.nl art. 3.5): which status each step starts from and where it leads. */
export const CONSULT_WORKFLOW: Record<Transition, { from: ConsultStatus[]; to: ConsultStatus }> = {
  send: { from: ['draft', 'disputed'], to: 'awaiting_client' },
  approve: { from: ['awaiting_client'], to: 'approved' },
  dispute: { from: ['awaiting_client'], to: 'disputed' },
};
/** The coach edits a draft or a disputed summary; an approved one is locked (addenda only). */
export const CONSULT_EDITABLE: ConsultStatus[] = ['draft', 'disputed'];

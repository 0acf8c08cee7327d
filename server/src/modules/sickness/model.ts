/**
 * The sickness case (verzuimdossier, Wet verbetering poortwachter) and its documents: process dossier, because the
 * first sick day and the legal steps are what the employer knows. Reasons and document content are ciphertext
 * under the client's process key; the medical part of a probleemanalyse lives in the health dossier instead.
 */
import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import {
  POORTWACHTER_DOCUMENT_KINDS, POORTWACHTER_DOCUMENT_STATUSES, RECOVERY_KINDS, SICKNESS_CASE_STATUSES, SICKNESS_REPORTERS,
} from '@spoorboek/shared/domain';
import { EXTENSION_KINDS } from '@spoorboek/shared/poortwachter/timeline';
import { json, sealedFields, text } from '../../crypto/sealed';

const by = { type: Schema.Types.ObjectId, ref: 'User', required: true };

const sicknessCaseSchema = new Schema(
  {
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    /** Calendar days (JJJJ-MM-DD, Europe/Amsterdam) are stored as such: never an instant that summer time can shift. */
    firstSickDay: { type: String, required: true },
    reportedBy: { type: String, enum: SICKNESS_REPORTERS, required: true },
    reportedOn: { type: String, required: true },
    status: { type: String, enum: SICKNESS_CASE_STATUSES, required: true, default: 'open' },
    /**
     * "open" while the case runs, the case's own id once closed: with the unique index below, a client has at most
     * one open case, also when two people report the same sickness at once (a unique index holds on FerretDB too).
     */
    openSlot: { type: String, required: true },
    recoveries: {
      type: [new Schema({ kind: { type: String, enum: RECOVERY_KINDS, required: true }, date: { type: String, required: true }, by, at: { type: Date, required: true } }, { _id: false })],
      default: [],
    },
    extensions: {
      type: [new Schema({
        kind: { type: String, enum: EXTENSION_KINDS, required: true }, weeks: { type: Number, required: true },
        decidedOn: { type: String, required: true }, reason: { type: String, required: true }, by, at: { type: Date, required: true },
      }, { _id: true })],
      default: [],
    },
    /** Every correction of the first sick day, with its reason: the deadlines before it can be reconstructed. */
    corrections: {
      type: [new Schema({ from: { type: String, required: true }, to: { type: String, required: true }, reason: { type: String, required: true }, by, at: { type: Date, required: true } }, { _id: true })],
      default: [],
    },
    milestones: {
      uwv_notification: { type: String, default: null },
      wia_letter: { type: String, default: null },
      wia_application: { type: String, default: null },
    },
    createdBy: by,
    /** Raised by every change; a change first claims the revision it read (see `SicknessCaseRevision`). */
    revision: { type: Number, required: true, default: 0 },
  },
  { timestamps: true },
);
sicknessCaseSchema.index({ clientId: 1, openSlot: 1 }, { unique: true });

/**
 * One row per change of a case, claimed before the change is written: of two people changing the same revision at
 * once, only one insert passes the unique index and the other gets a 409. FerretDB applies a filtered update
 * non-atomically (it rewrites the whole document), so this is what keeps a correction, a recovery or the 52-week
 * loonsanctie cap from being lost or bypassed when two requests meet.
 */
const revisionSchema = new Schema(
  {
    caseId: { type: Schema.Types.ObjectId, ref: 'SicknessCase', required: true },
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    revision: { type: Number, required: true },
    by,
    at: { type: Date, required: true },
  },
  { timestamps: false },
);
revisionSchema.index({ caseId: 1, revision: 1 }, { unique: true });
revisionSchema.index({ clientId: 1 });

const versionSchema = new Schema(
  { content: { type: String, required: true }, by, at: { type: Date, required: true }, sentAt: { type: Date, default: null } },
  { _id: true },
);

const poortwachterDocumentSchema = new Schema(
  {
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    caseId: { type: Schema.Types.ObjectId, ref: 'SicknessCase', required: true },
    kind: { type: String, enum: POORTWACHTER_DOCUMENT_KINDS, required: true },
    status: { type: String, enum: POORTWACHTER_DOCUMENT_STATUSES, required: true },
    authorId: by,
    /** The current content (JSON), sealed; every earlier version stays in `versions`. */
    content: { type: String, required: true },
    versions: { type: [versionSchema], default: [] },
    /** The probleemanalyse's medical part: the company doctor's medical note in the health dossier. */
    medicalNoteId: { type: Schema.Types.ObjectId, ref: 'HealthRecord', default: null },
    /** Raised each time the form is put before employer and employee: agreements count for one round only. */
    round: { type: Number, required: true, default: 0 },
    clientComment: { type: String, default: null },
    releasedAt: { type: Date, default: null },
    agreedAt: { type: Date, default: null },
    /** Raised by every workflow step; a step claims the next version first (db/guardedUpdate.ts). */
    version: { type: Number, default: 0 },
  },
  { timestamps: true },
);
poortwachterDocumentSchema.index({ clientId: 1, caseId: 1, createdAt: 1 });

/**
 * One party's agreement to one round of a form: a single insert under a unique index, so two agreements at once
 * can never overwrite each other (FerretDB rewrites whole documents on update) and nobody agrees twice.
 */
const agreementSchema = new Schema(
  {
    documentId: { type: Schema.Types.ObjectId, ref: 'PoortwachterDocument', required: true },
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    round: { type: Number, required: true },
    party: { type: String, enum: ['employer', 'client'], required: true },
    by,
    at: { type: Date, required: true },
    /** Ciphertext under the client's process key. */
    comment: { type: String, default: null },
  },
  { timestamps: false },
);
agreementSchema.index({ documentId: 1, round: 1, party: 1 }, { unique: true });
agreementSchema.index({ clientId: 1 });

export type SicknessCaseData = InferSchemaType<typeof sicknessCaseSchema>;
export const SicknessCase = mongoose.model('SicknessCase', sicknessCaseSchema);
export const SicknessCaseRevision = mongoose.model('SicknessCaseRevision', revisionSchema);
export type PoortwachterDocumentData = InferSchemaType<typeof poortwachterDocumentSchema>;
type Content = Record<string, unknown>;
type OpenedPoortwachterDocument = Omit<PoortwachterDocumentData, 'content' | 'versions'> & {
  _id: mongoose.Types.ObjectId; content: Content; versions: (PoortwachterDocumentData['versions'][number] & { _id: mongoose.Types.ObjectId; content: Content })[];
};
export const PoortwachterDocument = mongoose.model('PoortwachterDocument', poortwachterDocumentSchema);
export const PoortwachterAgreement = mongoose.model('PoortwachterAgreement', agreementSchema);

/** The reasons of extensions and corrections, each bound by its own id. */
export const sealedSicknessCase = sealedFields<SicknessCaseData & { _id: mongoose.Types.ObjectId }>('SicknessCase', 'process', {
  'extensions[].reason': { as: 'extensions.{id}.reason' },
  'corrections[].reason': { as: 'corrections.{id}.reason' },
});
/** A document's content (one JSON text), every version's by its id, and the employee's comment. */
export const sealedPoortwachterDocument = sealedFields<OpenedPoortwachterDocument>('PoortwachterDocument', 'process', {
  content: json,
  clientComment: text,
  'versions[].content': { codec: json, as: 'versions.{id}.content' },
});
/** An agreement's comment, bound to its document, round and party (kept in a collection of its own). */
export const sealedAgreement = sealedFields('PoortwachterAgreement', 'process', {
  comment: { as: 'agreements.{round}.{party}.comment' },
}, { record: 'PoortwachterDocument:{documentId}' });

import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { factsSource } from '../../policy/factsVersion';
import { TRAJECTORY_KINDS, TRAJECTORY_OUTCOMES, TRAJECTORY_STATUSES } from '@spoorboek/shared/domain';
import { dayText, hasPlainPersonalia, sealedClient } from './clientPersonalia';

const trajectorySchema = new Schema(
  {
    kind: { type: String, enum: TRAJECTORY_KINDS, required: true },
    status: { type: String, enum: TRAJECTORY_STATUSES, required: true, default: 'intake' },
    startDate: { type: Date, required: true },
    endDate: { type: Date, default: null },
    outcome: { type: String, enum: [...TRAJECTORY_OUTCOMES, null], default: null },
  },
  { _id: false },
);

/**
 * The client (cliënt) and the head of their process dossier: personalia, employer, who is assigned, and the
 * trajectory. The BSN is kept only where a legal need is recorded (Privacyreglement RndomWerk art. 4.4), as ciphertext, with a masked form
 * for those who may know that one exists but not what it is. The personal details are ciphertext too (see
 * clientPersonalia.ts): validated by the shared schemas before sealing, read through `openClients`.
 */
const clientSchema = new Schema(
  {
    firstName: { type: String, required: true },
    lastName: { type: String, required: true },
    /** A calendar day (`YYYY-MM-DD`), sealed. */
    dateOfBirth: { type: String, default: null, set: (value: unknown) => (value instanceof Date ? dayText(value) : value) },
    email: { type: String, default: null },
    phone: { type: String, default: null },
    address: { type: String, default: null },
    employerId: { type: Schema.Types.ObjectId, ref: 'Organisation', default: null },
    coachId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    companyDoctorId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    labourExpertId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    trajectory: { type: trajectorySchema, required: true },
    bsn: { type: String, default: null },
    bsnMasked: { type: String, default: null },
    /** A restriction of processing (AVG art. 18), set by the privacy officer: no writes while it stands. */
    restriction: {
      type: new Schema({
        since: { type: Date, required: true },
        by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
        requestId: { type: Schema.Types.ObjectId, ref: 'DataSubjectRequest', default: null },
      }, { _id: false }),
      default: null,
    },
    /** When the last restriction was lifted: the client is told so in the portal. */
    restrictionLifted: {
      type: new Schema({ at: { type: Date, required: true }, by: { type: Schema.Types.ObjectId, ref: 'User', required: true } }, { _id: false }),
      default: null,
    },
    /**
     * A legal hold (bewaarplicht), placed by the privacy officer while a claim, complaint or inquiry needs the
     * dossier: neither the retention run nor an erasure touches the client before `until`.
     */
    legalHold: {
      type: new Schema({
        reason: { type: String, required: true },
        until: { type: Date, required: true },
        since: { type: Date, required: true },
        by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
      }, { _id: false }),
      default: null,
    },
    /**
     * Objections (AVG art. 21), recorded with their date: to keeping the dossier after the trajectory (the retention
     * run then erases at the trajectory's end) and to use in management figures (the statistics leave it out).
     */
    objections: {
      type: new Schema({
        retentionAfterTrajectory: { type: Date, default: null },
        managementFigures: { type: Date, default: null },
      }, { _id: false }),
      default: () => ({ retentionAfterTrajectory: null, managementFigures: null }),
    },
  },
  { timestamps: true },
);
clientSchema.index({ coachId: 1 });
clientSchema.index({ companyDoctorId: 1 });
clientSchema.index({ labourExpertId: 1 });
clientSchema.index({ employerId: 1 });
/** The retention run looks for trajectories that ended long enough ago. */
clientSchema.index({ 'trajectory.endDate': 1 });

// Sealed by construction: whichever way a client is written, personal details (and the BSN) reach the database only
// as ciphertext. Saves and bulk inserts are sealed here; an update must come sealed (the clients service does so).
clientSchema.pre('save', async function sealOnSave() {
  const values = Object.fromEntries(sealedClient.paths.map((field) => [field, this.get(field) as unknown]));
  if (!hasPlainPersonalia(values)) return;
  const sealed: Record<string, unknown> = await sealedClient.seal({ ...values, _id: this._id }, { keepSealed: true });
  for (const field of sealedClient.paths) this.set(field, sealed[field]);
});
clientSchema.pre('insertMany', async function sealOnInsert(next: unknown, docs: Record<string, unknown>[] | Record<string, unknown>) {
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if (!hasPlainPersonalia(doc)) continue;
    doc._id ??= new mongoose.Types.ObjectId();
    Object.assign(doc, await sealedClient.seal(doc, { keepSealed: true }));
  }
});
clientSchema.pre(['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne'], function refusePlainPersonalia() {
  const update = (this.getUpdate() ?? {}) as Record<string, unknown>;
  const set = { ...update, ...((update.$set as Record<string, unknown> | undefined) ?? {}) };
  if (hasPlainPersonalia(set)) throw new Error('personal details of a client must be sealed before they are written');
});

export type ClientData = InferSchemaType<typeof clientSchema>;
// Who is assigned, who employs, and a restriction are the policy's facts: changing them bumps the facts stamp.
clientSchema.plugin(factsSource(['employerId', 'coachId', 'companyDoctorId', 'labourExpertId', 'restriction']));
export const Client = mongoose.model('Client', clientSchema);

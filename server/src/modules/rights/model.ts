import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import {
  DATA_SUBJECT_REQUEST_KINDS, DATA_SUBJECT_REQUEST_STATUSES, IDENTITY_CHECK_METHODS, REQUEST_CHANNELS,
} from '@spoorboek/shared/domain';
import { sealedFields, text } from '../../crypto/sealed';

/**
 * A data-subject request (AVG art. 15–21), to be answered within one month of receipt (art. 12(3)), once
 * extendable by two months with a reason the client sees. Nothing is handed out before the requester's identity
 * is checked (art. 12(6)); that check is recorded with how and by whom. Free text (the request, the answer, the
 * reasons) is sealed under the client's process key, so it is erased with the client.
 */
const dataSubjectRequestSchema = new Schema(
  {
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    kind: { type: String, enum: DATA_SUBJECT_REQUEST_KINDS, required: true },
    channel: { type: String, enum: REQUEST_CHANNELS, required: true },
    /** Who entered it: the client in the portal, or the privacy officer for a letter, call or e-mail. */
    filedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    receivedAt: { type: Date, required: true },
    /** The last day to answer (midnight UTC of an Amsterdam calendar day), after any extension. */
    dueAt: { type: Date, required: true },
    originalDueAt: { type: Date, required: true },
    status: { type: String, enum: DATA_SUBJECT_REQUEST_STATUSES, required: true, default: 'received' },
    description: { type: String, default: null },
    identityCheck: {
      type: new Schema({
        method: { type: String, enum: IDENTITY_CHECK_METHODS, required: true },
        note: { type: String, default: null },
        checkedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
        checkedAt: { type: Date, required: true },
      }, { _id: false }),
      default: null,
    },
    extension: {
      type: new Schema({
        months: { type: Number, required: true },
        reason: { type: String, required: true },
        by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
        at: { type: Date, required: true },
      }, { _id: false }),
      default: null,
    },
    resolution: { type: String, default: null },
    answeredAt: { type: Date, default: null },
    handledBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  },
  { timestamps: true },
);
dataSubjectRequestSchema.index({ clientId: 1 });
dataSubjectRequestSchema.index({ status: 1, dueAt: 1 });

export type DataSubjectRequestData = InferSchemaType<typeof dataSubjectRequestSchema>;
export const DataSubjectRequest = mongoose.model('DataSubjectRequest', dataSubjectRequestSchema);

/**
 * "Only once" for the steps of a request (identity check, extension, answer): a single insert under a unique
 * index decides who wins when two officers act at once, which FerretDB guarantees where a filtered update is not.
 */
const requestStepSchema = new Schema(
  {
    requestId: { type: Schema.Types.ObjectId, ref: 'DataSubjectRequest', required: true },
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    step: { type: String, enum: ['identity_check', 'extension', 'answer'], required: true },
    by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
requestStepSchema.index({ requestId: 1, step: 1 }, { unique: true });
requestStepSchema.index({ clientId: 1 });
export const RequestStep = mongoose.model('RequestStep', requestStepSchema);

/** The free texts of a request: what the client asked, how they were identified, why it took longer, the answer. */
export const sealedRequest = sealedFields<DataSubjectRequestData & { _id: mongoose.Types.ObjectId }>('DataSubjectRequest', 'process', {
  description: text, resolution: text, 'identityCheck.note': text, 'extension.reason': text,
});

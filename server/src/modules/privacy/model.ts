import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { DATA_SUBJECT_REQUEST_KINDS, DATA_SUBJECT_REQUEST_STATUSES } from '../../../../shared/src/domain';

/** A data-subject request (AVG art. 15–21), to be answered within one month (art. 12(3)). */
const dataSubjectRequestSchema = new Schema(
  {
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    kind: { type: String, enum: DATA_SUBJECT_REQUEST_KINDS, required: true },
    receivedAt: { type: Date, required: true },
    dueAt: { type: Date, required: true },
    status: { type: String, enum: DATA_SUBJECT_REQUEST_STATUSES, required: true, default: 'received' },
    description: { type: String, maxlength: 2000, default: null },
    resolution: { type: String, maxlength: 2000, default: null },
    handledBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  },
  { timestamps: true },
);
dataSubjectRequestSchema.index({ clientId: 1 });
dataSubjectRequestSchema.index({ status: 1, dueAt: 1 });

export type DataSubjectRequestData = InferSchemaType<typeof dataSubjectRequestSchema>;
export const DataSubjectRequest = mongoose.model('DataSubjectRequest', dataSubjectRequestSchema);

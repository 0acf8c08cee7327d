import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { REPORT_STATUSES } from '../../../../shared/src/domain';

/**
 * A progress report (voortgangsrapportage) for the employer. It reaches the employer only once the client
 * approved it and consented to sharing this very report, and only while that consent stands.
 */
const reportSchema = new Schema(
  {
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    coachId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    title: { type: String, required: true, maxlength: 200 },
    periodStart: { type: Date, required: true },
    periodEnd: { type: Date, required: true },
    text: { type: String, required: true },
    consultIds: { type: [{ type: Schema.Types.ObjectId, ref: 'Consult' }], default: [] },
    status: { type: String, enum: REPORT_STATUSES, required: true, default: 'draft' },
    clientComment: { type: String, default: null },
    approvedAt: { type: Date, default: null },
    sharedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
reportSchema.index({ clientId: 1, periodEnd: -1 });

export type ReportData = InferSchemaType<typeof reportSchema>;
export const Report = mongoose.model('Report', reportSchema);

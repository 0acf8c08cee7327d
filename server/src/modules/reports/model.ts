import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { REPORT_STATUSES, type ReportStatus } from '@spoorboek/shared/domain';
import { sealedFields, text } from '../../crypto/sealed';

/**
 * A progress report (voortgangsrapportage) for the employer. It reaches the employer only once the client
 * approved it and consented to sharing this very report, and only while that consent stands. `title`, `text` and
 * `clientComment` are ciphertext under the client's process key.
 */
const reportSchema = new Schema(
  {
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    coachId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    title: { type: String, required: true },
    periodStart: { type: Date, required: true },
    periodEnd: { type: Date, required: true },
    text: { type: String, required: true },
    consultIds: { type: [{ type: Schema.Types.ObjectId, ref: 'Consult' }], default: [] },
    status: { type: String, enum: REPORT_STATUSES, required: true, default: 'draft' },
    clientComment: { type: String, default: null },
    approvedAt: { type: Date, default: null },
    sharedAt: { type: Date, default: null },
    /** Raised by every workflow step; a step claims the next one (db/guardedUpdate.ts). */
    version: { type: Number, default: 0 },
  },
  { timestamps: true },
);
reportSchema.index({ clientId: 1, periodEnd: -1 });

export type ReportData = InferSchemaType<typeof reportSchema>;
export const Report = mongoose.model('Report', reportSchema);

export const sealedReport = sealedFields<ReportData & { _id: mongoose.Types.ObjectId }>('Report', 'process', { title: text, text, clientComment: text });

type Transition = 'send' | 'approve' | 'dispute' | 'share';

/**
 * The workflow (Privacyreglement Re-integratieonderwijs.nl art. 5.1): a disputed report goes back to the coach as a draft with the client's comment.
 * Sharing is not stored on the report: `shared` and `withdrawn` follow from the client's consents to share it
 * (reports/service.ts `withSharing`), so a report approved once can be shared, withdrawn and shared again.
 */
export const REPORT_WORKFLOW: Record<Transition, { from: ReportStatus[]; to: ReportStatus }> = {
  send: { from: ['draft'], to: 'awaiting_client' },
  approve: { from: ['awaiting_client'], to: 'approved' },
  dispute: { from: ['awaiting_client'], to: 'draft' },
  share: { from: ['approved', 'withdrawn'], to: 'shared' },
};

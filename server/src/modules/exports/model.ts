import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const EXPORT_STATUSES = ['queued', 'running', 'ready', 'failed', 'expired'] as const;

/**
 * One export of a client's whole dossier (AVG art. 15 and 20), made in the background: the job document carries
 * its progress, and once ready the encrypted ZIP in the `exports` GridFS bucket, its AES-GCM nonce and tag.
 * Exports expire after seven days and are swept.
 */
const dataExportSchema = new Schema(
  {
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    /** The access or portability request it answers, when the privacy officer released it for one. */
    requestId: { type: Schema.Types.ObjectId, ref: 'DataSubjectRequest', default: null },
    requestedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    status: { type: String, enum: EXPORT_STATUSES, required: true, default: 'queued' },
    progress: {
      type: new Schema({ done: { type: Number, default: 0 }, total: { type: Number, default: 0 } }, { _id: false }),
      default: () => ({ done: 0, total: 0 }),
    },
    /**
     * One export in the making per client: the client id while queued or running, the export's own id after.
     * A unique index on it lets one of two simultaneous starts win, on FerretDB too.
     */
    activeKey: { type: String, required: true },
    fileId: { type: Schema.Types.ObjectId, default: null },
    nonce: { type: String, default: null },
    tag: { type: String, default: null },
    size: { type: Number, default: null },
    readyAt: { type: Date, default: null },
    expiresAt: { type: Date, default: null },
    error: { type: String, default: null },
  },
  { timestamps: true },
);
dataExportSchema.index({ activeKey: 1 }, { unique: true });
dataExportSchema.index({ clientId: 1 });
dataExportSchema.index({ status: 1 });

export type DataExportData = InferSchemaType<typeof dataExportSchema>;
export const DataExport = mongoose.model('DataExport', dataExportSchema);

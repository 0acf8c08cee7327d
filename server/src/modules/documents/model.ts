import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { DOCUMENT_CATEGORIES } from '@spoorboek/shared/domain';

/** A file in the process dossier (CV, test results, plan van aanpak): metadata here, encrypted bytes in GridFS. */
const documentSchema = new Schema(
  {
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    uploadedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    category: { type: String, enum: DOCUMENT_CATEGORIES, required: true },
    filename: { type: String, required: true, maxlength: 255 },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    fileId: { type: Schema.Types.ObjectId, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
documentSchema.index({ clientId: 1 });

export type DocumentData = InferSchemaType<typeof documentSchema>;
export const Document = mongoose.model('Document', documentSchema);

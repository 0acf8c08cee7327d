import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { DOCUMENT_CATEGORIES } from '@spoorboek/shared/domain';
import { sealedFields, text } from '../../crypto/sealed';

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

/** A file name can name the client or what the file is about: sealed (the file itself is sealed in the file store). */
export const sealedDocument = sealedFields<DocumentData & { _id: mongoose.Types.ObjectId }>('Document', 'process', { filename: text });

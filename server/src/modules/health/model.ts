/**
 * The health dossier (bijzonder dossier): its own collections, its own encryption key, reached only through the
 * health module. Employers never reach it (docs/design.md §1).
 */
import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { FML_FORMATS, HEALTH_DOCUMENT_CATEGORIES, HEALTH_RECORD_KINDS } from '@spoorboek/shared/domain';
import { json, sealedFields, text } from '../../crypto/sealed';

/** A correction by the record's author, added below it, never edited in (AVG art. 16); the text is sealed. */
const healthAddendumSchema = new Schema(
  {
    text: { type: String, required: true },
    by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** Who wrote it, as the readers of the dossier know them (a staff name, not health data). */
    byName: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: true },
);

/**
 * A record of the health dossier. Only what the policy's conditions need is stored in the clear (client, kind,
 * format, author, date); the content — capacities, BAR sections, conclusion, explanation, AD answers, text, first
 * sick day — is one ciphertext under the client's *health* data key (see content.ts).
 */
const healthRecordSchema = new Schema(
  {
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    kind: { type: String, enum: HEALTH_RECORD_KINDS, required: true },
    /** For kind `fml`: the classic FML or the BAR. */
    format: { type: String, enum: FML_FORMATS, default: null },
    authorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    date: { type: Date, required: true },
    documentId: { type: Schema.Types.ObjectId, ref: 'HealthDocument', default: null },
    content: { type: String, required: true },
    addenda: { type: [healthAddendumSchema], default: [] },
    /** Raised by every addendum: each one claims the next version, so parallel addenda queue (db/guardedUpdate.ts). */
    version: { type: Number, default: 0 },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
healthRecordSchema.index({ clientId: 1, kind: 1, date: -1 });

const healthDocumentSchema = new Schema(
  {
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    uploadedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    category: { type: String, enum: HEALTH_DOCUMENT_CATEGORIES, required: true },
    healthRecordId: { type: Schema.Types.ObjectId, ref: 'HealthRecord', default: null },
    /** Ciphertext under the health data key: a file name can say as much as the file. */
    filename: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    fileId: { type: Schema.Types.ObjectId, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
healthDocumentSchema.index({ clientId: 1 });

export type HealthRecordData = InferSchemaType<typeof healthRecordSchema>;
export const HealthRecord = mongoose.model('HealthRecord', healthRecordSchema);
export type HealthDocumentData = InferSchemaType<typeof healthDocumentSchema>;
export const HealthDocument = mongoose.model('HealthDocument', healthDocumentSchema);

/** A health record's whole content is one JSON ciphertext under the health key; the process key cannot open it. */
export const sealedHealthRecord = sealedFields<Omit<HealthRecordData, 'content'> & { _id: mongoose.Types.ObjectId; content: Record<string, unknown> }>(
  'HealthRecord', 'health', { content: json, 'addenda[].text': { as: 'addenda.{id}.text' } },
);
export const sealedHealthDocument = sealedFields<HealthDocumentData & { _id: mongoose.Types.ObjectId }>('HealthDocument', 'health', { filename: text });

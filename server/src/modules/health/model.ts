/**
 * The health dossier (bijzonder dossier): its own collections, its own encryption key, reached only through the
 * health module. Employers never reach it (DESIGN.md §1).
 */
import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { FML_FORMATS, HEALTH_DOCUMENT_CATEGORIES, HEALTH_RECORD_KINDS } from '../../../../shared/src/domain';

/** One deviation in an FML rubriek: only limitations are recorded (0 = normaal is the default). */
const capacitySchema = new Schema(
  {
    rubriek: { type: String, enum: ['I', 'II', 'III', 'IV', 'V', 'VI'], required: true },
    item: { type: String, required: true, maxlength: 20 },
    level: { type: Number, enum: [0, 1, 2], required: true }, // normaal, beperkt, sterk beperkt
    quantification: { type: String, maxlength: 200, default: null }, // "max. 30 minuten"
  },
  { _id: false },
);

const barSectionSchema = new Schema(
  { title: { type: String, required: true, maxlength: 200 }, text: { type: String, required: true } },
  { _id: false },
);

/** The five core questions of an arbeidsdeskundig onderzoek. */
const adAnswersSchema = new Schema(
  {
    ownWork: { type: String, default: null },
    ownWorkAdjusted: { type: String, default: null },
    otherWorkSameEmployer: { type: String, default: null },
    workElsewhere: { type: String, default: null }, // spoor 2
    schemes: { type: String, default: null },
  },
  { _id: false },
);

const healthRecordSchema = new Schema(
  {
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    kind: { type: String, enum: HEALTH_RECORD_KINDS, required: true },
    /** For kind `fml`: the classic FML or the BAR. */
    format: { type: String, enum: FML_FORMATS, default: null },
    authorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    date: { type: Date, required: true },
    capacities: { type: [capacitySchema], default: [] },
    barSections: { type: [barSectionSchema], default: [] },
    conclusion: { type: String, default: null },
    explanation: { type: String, default: null },
    adAnswers: { type: adAnswersSchema, default: null },
    text: { type: String, default: null },
    /** Eerste ziektedag: lives here, never on the client record. */
    firstSickDay: { type: Date, default: null },
    documentId: { type: Schema.Types.ObjectId, ref: 'HealthDocument', default: null },
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
    filename: { type: String, required: true, maxlength: 255 },
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

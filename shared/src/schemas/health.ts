import { FML_FORMATS, HEALTH_DOCUMENT_CATEGORIES, HEALTH_RECORD_KINDS } from '../domain';
import { FML_RUBRIEK_NAMES, FML_RUBRIEKEN, fmlItemName } from '../fml';
import { day, id, objectId, text, timestamp } from './common';
import { z } from './zod';

export const HealthRecordParams = z.object({ clientId: objectId, recordId: objectId }).strict();
export const HealthDocumentParams = z.object({ clientId: objectId, documentId: objectId }).strict();
export const HealthRecordListQuery = z.object({ kind: z.enum(HEALTH_RECORD_KINDS).optional() }).strict();

export { FML_RUBRIEKEN };

/**
 * One deviation in a rubriek: only limitations are recorded (0 normaal, 1 beperkt, 2 sterk beperkt), on an item
 * of that rubriek's list (shared/src/fml.ts).
 */
export const Capacity = z.object({
  rubriek: z.enum(FML_RUBRIEKEN),
  item: z.string().trim().min(1, 'Kies een item.'),
  level: z.union([z.literal(0), z.literal(1), z.literal(2)], 'Kies 0 (normaal), 1 (beperkt) of 2 (sterk beperkt).'),
  quantification: z.string().trim().max(200).nullable().optional(),
}).strict().superRefine((capacity, context) => {
  if (capacity.item && !fmlItemName(capacity.rubriek, capacity.item)) {
    context.addIssue({
      code: 'custom', path: ['item'],
      message: `Kies een item uit rubriek ${capacity.rubriek} (${FML_RUBRIEK_NAMES[capacity.rubriek]}).`,
    });
  }
});

export const BarSection = z.object({ title: text(200, 'Geef de sectie een titel.'), text: text(10000, 'Vul de sectie in.') }).strict();

/** A new functional assessment by the company doctor: FML or BAR. A new assessment is a new record. */
export const CreateFmlBody = z.object({
  date: day,
  format: z.enum(FML_FORMATS),
  capacities: z.array(Capacity).max(200).default([]),
  barSections: z.array(BarSection).max(30).default([]),
  conclusion: text(2000, 'Vul de conclusie van het voorblad in.'),
  explanation: z.string().trim().max(20000).nullable().optional(),
}).strict()
  .refine((body) => body.format !== 'bar' || body.barSections.length > 0, { message: 'Een BAR heeft minstens één sectie.', path: ['barSections'] })
  .refine((body) => body.format !== 'fml' || body.capacities.length > 0, { message: 'Noteer minstens één beperking (afwijkingen van normaal).', path: ['capacities'] });

/** The five core questions of an arbeidsdeskundig onderzoek. */
export const AdAnswers = z.object({
  ownWork: text(5000, 'Beantwoord: is het eigen werk passend?'),
  ownWorkAdjusted: text(5000, 'Beantwoord: is het eigen werk passend met aanpassingen?'),
  otherWorkSameEmployer: text(5000, 'Beantwoord: is er ander werk bij deze werkgever?'),
  workElsewhere: text(5000, 'Beantwoord: is werk bij een andere werkgever (spoor 2) aan de orde?'),
  schemes: text(5000, 'Beantwoord: welke voorzieningen of regelingen zijn van toepassing?'),
}).strict();

export const CreateAdReportBody = z.object({
  date: day,
  adAnswers: AdAnswers,
  conclusion: text(2000, 'Vul de conclusie in.'),
  text: z.string().trim().max(50000).nullable().optional(),
}).strict();

/** A medical note by the company doctor; the first day of sick leave lives here, never on the client. */
export const CreateMedicalNoteBody = z.object({
  date: day,
  text: text(20000, 'Vul de aantekening in.'),
  firstSickDay: day.nullable().optional(),
}).strict();

/** A correction to a health record, added below it by its author; the record itself never changes (AVG art. 16). */
export const HealthAddendumBody = z.object({ text: text(5000, 'Vul de aanvulling in.') }).strict();

export const UploadHealthDocumentBody = z.object({
  category: z.enum(HEALTH_DOCUMENT_CATEGORIES),
  healthRecordId: objectId.optional(),
}).strict();

export const CapacityView = z.object({
  rubriek: z.enum(FML_RUBRIEKEN), item: z.string(), level: z.number(), quantification: z.string().nullable().optional(),
});
export const HealthRecordView = z.object({
  _id: id, clientId: id, kind: z.enum(HEALTH_RECORD_KINDS), format: z.enum(FML_FORMATS).nullable(), authorId: id,
  date: timestamp, capacities: z.array(CapacityView), barSections: z.array(z.object({ title: z.string(), text: z.string() })),
  conclusion: z.string().nullable(), explanation: z.string().nullable(),
  adAnswers: z.object({ ownWork: z.string(), ownWorkAdjusted: z.string(), otherWorkSameEmployer: z.string(), workElsewhere: z.string(), schemes: z.string() }).nullable(),
  text: z.string().nullable(), firstSickDay: timestamp.nullable(), documentId: id.nullable(), createdAt: timestamp,
  addenda: z.array(z.object({ _id: id, text: z.string(), by: id, byName: z.string(), at: timestamp })),
}).partial().required({ _id: true, clientId: true, kind: true, date: true }); // every reader, the coach's FML view included
export const HealthRecordList = z.object({ items: z.array(HealthRecordView) });
/** The coach's view, under the client's consent: rubrieken, items and levels, nothing else. */
export const CapacitiesList = z.object({
  items: z.array(z.object({ _id: id, clientId: id, kind: z.literal('fml'), format: z.enum(FML_FORMATS), date: timestamp, capacities: z.array(CapacityView) })
    .partial().required({ _id: true, clientId: true, kind: true, date: true, capacities: true })),
});
export const HealthDocumentView = z.object({
  _id: id, clientId: id, uploadedBy: id, category: z.enum(HEALTH_DOCUMENT_CATEGORIES), healthRecordId: id.nullable(),
  filename: z.string(), contentType: z.string(), size: z.number(), createdAt: timestamp,
}).partial().required({ _id: true, clientId: true, category: true, healthRecordId: true, filename: true }); // no reader is limited to fields
export const HealthDocumentList = z.object({ items: z.array(HealthDocumentView) });
export const HealthDossierView = z.object({ records: z.array(HealthRecordView), documents: z.array(HealthDocumentView) });

export type CapacityView = z.infer<typeof CapacityView>;
export type HealthRecordParams = z.infer<typeof HealthRecordParams>;
export type HealthDocumentParams = z.infer<typeof HealthDocumentParams>;
export type CreateFmlBody = z.infer<typeof CreateFmlBody>;
export type CreateAdReportBody = z.infer<typeof CreateAdReportBody>;
export type HealthAddendumBody = z.infer<typeof HealthAddendumBody>;
export type CreateMedicalNoteBody = z.infer<typeof CreateMedicalNoteBody>;

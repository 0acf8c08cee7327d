import { REPORT_STATUSES } from '../domain';
import { MEDICAL_CATEGORIES } from '../medicalWording/lexicon';
import { day, id, objectId, text, timestamp } from './common';
import { z } from './zod';

export const ReportParams = z.object({ clientId: objectId, reportId: objectId }).strict();

const reportFields = {
  title: text(200, 'Geef de rapportage een titel.'),
  periodStart: day,
  periodEnd: day,
  text: text(50000, 'Vul de tekst van de rapportage in.'),
  /** The approved consults it draws on. */
  consultIds: z.array(objectId).max(100).default([]),
};
const periodInOrder = (body: { periodStart?: Date; periodEnd?: Date }) =>
  !body.periodStart || !body.periodEnd || body.periodEnd >= body.periodStart;
const periodMessage = { message: 'Het einde van de periode ligt vóór het begin.', path: ['periodEnd'] };

/** A progress report (voortgangsrapportage) for the employer, as a draft. */
export const CreateReportBody = z.object(reportFields).strict().refine(periodInOrder, periodMessage);
export const UpdateReportBody = z.object({
  title: reportFields.title, periodStart: day, periodEnd: day, text: reportFields.text, consultIds: z.array(objectId).max(100),
}).partial().strict()
  .refine((body) => Object.keys(body).length > 0, 'Geef minstens één wijziging op.')
  .refine(periodInOrder, periodMessage);

/** Text checked by the medical-wording guard before it is saved (the composer checks as the coach types). */
export const WordingCheckBody = z.object({ text: z.string().max(50000), title: z.string().max(200).optional() }).strict();

/**
 * A sentence the employer may not read, with the category of what it says, the words that say it, and advice on
 * what to write instead in work terms (never a word to swap in). Offsets are into the field as written.
 */
export const WordingFlag = z.object({
  field: z.enum(['title', 'text']),
  category: z.enum(MEDICAL_CATEGORIES),
  label: z.string(),
  term: z.string(), termIndex: z.number().int(), termLength: z.number().int(), terms: z.array(z.string()),
  sentence: z.string(), sentenceIndex: z.number().int(), sentenceLength: z.number().int(),
  advice: z.string(), examples: z.array(z.string()).readonly(),
});
export const WordingCheckView = z.object({ flags: z.array(WordingFlag) });

export const ReportView = z.object({
  _id: id, clientId: id, coachId: id, title: z.string(), periodStart: timestamp, periodEnd: timestamp, text: z.string(),
  consultIds: z.array(id), status: z.enum(REPORT_STATUSES), clientComment: z.string().nullable(),
  approvedAt: timestamp.nullable(), sharedAt: timestamp.nullable(),
  withdrawnAt: timestamp.nullable().describe('Wanneer de laatste toestemming om te delen werd ingetrokken'),
  shares: z.array(z.object({ consentId: id, sharedAt: timestamp, withdrawnAt: timestamp.nullable() }))
    .describe('Elke keer gedeeld en ingetrokken, oudste eerst'),
  createdAt: timestamp, updatedAt: timestamp,
  /** Sent before the guard knew its words and flagged now: the coach checks it again ("controleer opnieuw"). */
  wordingReview: z.boolean(),
}).partial().required({ _id: true, clientId: true, title: true, periodStart: true, periodEnd: true, text: true })
  .describe('Wat u van de rapportage mag zien; de werkgever alleen titel, periode, tekst en wanneer gedeeld');
export const ConsentTextView = z.object({ text: z.string() });
export const ReportList = z.object({ items: z.array(ReportView) });

export type ReportParams = z.infer<typeof ReportParams>;
export type CreateReportBody = z.infer<typeof CreateReportBody>;
export type UpdateReportBody = z.infer<typeof UpdateReportBody>;
export type WordingCheckBody = z.infer<typeof WordingCheckBody>;

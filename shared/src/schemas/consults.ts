import { CONSULT_KINDS, CONSULT_STATUSES } from '../domain';
import { day, id, objectId, text, timestamp } from './common';
import { z } from './zod';

export const ConsultParams = z.object({ clientId: objectId, consultId: objectId }).strict();

const consultFields = {
  date: day,
  durationMinutes: z.number().int('Een heel aantal minuten.').min(1, 'Minstens 1 minuut.').max(600, 'Hoogstens 600 minuten.'),
  kind: z.enum(CONSULT_KINDS),
  summary: text(20000, 'Vul het verslag in.'),
};

/** A new consult summary, as a draft (concept). */
export const CreateConsultBody = z.object(consultFields).strict();
export const UpdateConsultBody = z.object(consultFields).partial().strict()
  .refine((body) => Object.keys(body).length > 0, 'Geef minstens één wijziging op.');
/** The client's approval, with an optional remark. */
export const ApproveBody = z.object({ comment: z.string().trim().max(2000).optional() }).strict();
/** The client disagrees with the summary and says why (Privacyreglement Re-integratieonderwijs.nl art. 3.5). */
export const DisputeBody = z.object({ comment: text(2000, 'Schrijf op wat er volgens u niet klopt.') }).strict();
/** A correction to an approved summary (AVG art. 16): added, never edited in. */
export const AddendumBody = z.object({ text: text(5000, 'Vul de aanvulling in.') }).strict();

export const ConsultView = z.object({
  _id: id, clientId: id, coachId: id, date: timestamp, durationMinutes: z.number(), kind: z.enum(CONSULT_KINDS),
  summary: z.string(), status: z.enum(CONSULT_STATUSES), clientComment: z.string().nullable(),
  revisions: z.array(z.object({
    summary: z.string(), date: timestamp, durationMinutes: z.number(), kind: z.enum(CONSULT_KINDS),
    by: id, at: timestamp, sentAt: timestamp.nullable(), clientComment: z.string().nullable(),
  })),
  addenda: z.array(z.object({ _id: id, text: z.string(), by: id, at: timestamp })),
  approvedAt: timestamp.nullable(), createdAt: timestamp, updatedAt: timestamp,
});
export const ConsultList = z.object({ items: z.array(ConsultView) });

export type ConsultParams = z.infer<typeof ConsultParams>;
export type CreateConsultBody = z.infer<typeof CreateConsultBody>;
export type UpdateConsultBody = z.infer<typeof UpdateConsultBody>;

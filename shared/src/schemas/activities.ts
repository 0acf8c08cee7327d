import { ACTIVITY_KINDS } from '../domain';
import { day, id, objectId, timestamp } from './common';
import { z } from './zod';

export const ActivityParams = z.object({ clientId: objectId, activityId: objectId }).strict();

const activityFields = {
  date: day,
  kind: z.enum(ACTIVITY_KINDS),
  minutes: z.number().int('Een heel aantal minuten.').min(1, 'Minstens 1 minuut.').max(1440, 'Hoogstens 1440 minuten (een dag).'),
  note: z.string().trim().max(1000, 'Maximaal 1000 tekens.').nullable().optional(),
};
/** Time registration (tijdsregistratie, Privacyreglement Re-integratieonderwijs.nl art. 3.4). */
export const CreateActivityBody = z.object(activityFields).strict();
export const UpdateActivityBody = z.object(activityFields).partial().strict()
  .refine((body) => Object.keys(body).length > 0, 'Geef minstens één wijziging op.');
export const ActivityListQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Gebruik een maand in de vorm JJJJ-MM.').optional(),
}).strict();

export const ActivityView = z.object({
  _id: id, clientId: id, authorId: id, date: timestamp, kind: z.enum(ACTIVITY_KINDS), minutes: z.number(),
  note: z.string().nullable(), createdAt: timestamp, updatedAt: timestamp,
});
export const ActivityList = z.object({ items: z.array(ActivityView) });
/** Totals per month (JJJJ-MM), newest first, with minutes per kind. */
export const ActivityTotals = z.object({
  months: z.array(z.object({
    month: z.string(), minutes: z.number(), count: z.number(),
    byKind: z.partialRecord(z.enum(ACTIVITY_KINDS), z.number()),
  })),
});

export type CreateActivityBody = z.infer<typeof CreateActivityBody>;
export type UpdateActivityBody = z.infer<typeof UpdateActivityBody>;

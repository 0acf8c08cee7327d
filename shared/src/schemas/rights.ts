/** The rights of the data subject (AVG art. 12–21): the requests register and its steps. */
import {
  DATA_SUBJECT_REQUEST_KINDS, DATA_SUBJECT_REQUEST_STATUSES, IDENTITY_CHECK_METHODS, REQUEST_CHANNELS,
} from '../domain';
import { day, id, objectId, timestamp } from './common';
import { z } from './zod';

export const RequestParams = z.object({ requestId: objectId }).strict();

const description = z.string().trim().max(2000, 'Maximaal 2000 tekens.').nullable().optional();

/** Filed by the client in the portal ("Mijn privacy"). */
export const FileRequestBody = z.object({
  kind: z.enum(DATA_SUBJECT_REQUEST_KINDS),
  description,
}).strict();

/** Recorded by the privacy officer from a letter, call or e-mail, on the day it was received. */
export const RecordRequestBody = z.object({
  clientId: objectId,
  kind: z.enum(DATA_SUBJECT_REQUEST_KINDS),
  channel: z.enum(REQUEST_CHANNELS.filter((channel) => channel !== 'portal') as ['letter', 'phone', 'email']),
  receivedOn: day,
  description,
}).strict();

export const IdentityCheckBody = z.object({
  method: z.enum(IDENTITY_CHECK_METHODS),
  note: z.string().trim().max(500, 'Maximaal 500 tekens.').nullable().optional(),
}).strict();

/** Once, by one or two months, with a reason the client reads (AVG art. 12(3)). */
export const ExtendRequestBody = z.object({
  months: z.union([z.literal(1), z.literal(2)], { error: 'Verleng met 1 of 2 maanden.' }),
  reason: z.string().trim().min(1, 'Geef de reden van de verlenging; de cliënt ziet die.').max(1000, 'Maximaal 1000 tekens.'),
}).strict();

export const ResolveRequestBody = z.object({
  outcome: z.enum(['completed', 'rejected']),
  resolution: z.string().trim().min(1, 'Beschrijf het antwoord aan de cliënt.').max(2000, 'Maximaal 2000 tekens.'),
}).strict();

export const RequestQueueQuery = z.object({
  open: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
}).strict();

export const DataSubjectRequestView = z.object({
  _id: id, clientId: id, kind: z.enum(DATA_SUBJECT_REQUEST_KINDS), channel: z.enum(REQUEST_CHANNELS), filedBy: id,
  receivedAt: timestamp, dueAt: timestamp, originalDueAt: timestamp, status: z.enum(DATA_SUBJECT_REQUEST_STATUSES),
  description: z.string().nullable(),
  identityCheck: z.object({ method: z.enum(IDENTITY_CHECK_METHODS), note: z.string().nullable(), checkedBy: id, checkedAt: timestamp }).nullable(),
  extension: z.object({ months: z.number().int(), reason: z.string(), by: id, at: timestamp }).nullable(),
  resolution: z.string().nullable(), answeredAt: timestamp.nullable(), handledBy: id.nullable(),
  createdAt: timestamp, updatedAt: timestamp,
  urgency: z.enum(['overdue', 'due_this_week', 'later', 'answered']).describe('Te laat, deze week, later of beantwoord'),
  clientName: z.string().nullable().optional().describe('Alleen in de wachtrij van de privacy officer'),
});
export const DataSubjectRequestList = z.object({ items: z.array(DataSubjectRequestView) });
export type DataSubjectRequestView = z.infer<typeof DataSubjectRequestView>;

export const ExportParams = z.object({ clientId: objectId, exportId: objectId }).strict();
export const ExportView = z.object({
  _id: id, clientId: id, requestId: id.nullable(), requestedBy: id,
  status: z.enum(['queued', 'running', 'ready', 'failed', 'expired']),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  size: z.number().int().nullable(), readyAt: timestamp.nullable(), expiresAt: timestamp.nullable(), error: z.string().nullable(),
  createdAt: timestamp,
});
export const ExportList = z.object({ items: z.array(ExportView) });

export const RestrictionBody = z.object({ requestId: objectId.optional() }).strict();
const Restriction = z.object({ since: timestamp, by: id, requestId: id.nullable() });
const RestrictionLifted = z.object({ at: timestamp, by: id });
export const RestrictionView = z.object({ clientId: id, restriction: Restriction.nullable(), restrictionLifted: RestrictionLifted.nullable() });
export type RestrictionBody = z.infer<typeof RestrictionBody>;

/** The client's objections (AVG art. 21): each true records it with today's date, false withdraws it. */
export const ObjectionsBody = z.object({
  retentionAfterTrajectory: z.boolean().optional(),
  managementFigures: z.boolean().optional(),
}).strict().refine((body) => Object.keys(body).length > 0, 'Geef minstens één bezwaar op.');
export const ObjectionsView = z.object({ retentionAfterTrajectory: timestamp.nullable(), managementFigures: timestamp.nullable() });
export type ObjectionsBody = z.infer<typeof ObjectionsBody>;

/** Erasure is final: the officer types WISSEN to confirm. */
export const ErasureBody = z.object({
  confirmation: z.literal('WISSEN', { error: 'Typ WISSEN om te bevestigen dat het dossier definitief wordt gewist.' }),
  legalBasis: z.string().trim().min(1).max(200).optional(),
}).strict();
export const ErasureView = z.object({
  clientId: id, erasedAt: timestamp, legalBasis: z.string(), requestId: id, keysDestroyed: z.number().int(),
  recordsDeleted: z.number().int(), filesDeleted: z.number().int(),
});

export type ErasureBody = z.infer<typeof ErasureBody>;
export type FileRequestBody = z.infer<typeof FileRequestBody>;
export type RecordRequestBody = z.infer<typeof RecordRequestBody>;
export type IdentityCheckBody = z.infer<typeof IdentityCheckBody>;
export type ExtendRequestBody = z.infer<typeof ExtendRequestBody>;
export type ResolveRequestBody = z.infer<typeof ResolveRequestBody>;

/** Breach signals and the breach register (AVG art. 33/34): the API's shapes. */
import { id, objectId, text, timestamp } from './common';
import { z } from './zod';

export const SIGNAL_RULE_NAMES = ['employer_health_wall', 'repeated_denials'] as const;
export const BREACH_ASSESSMENT_NAMES = ['open', 'no_breach', 'breach_no_risk', 'breach_risk', 'breach_high_risk'] as const;

const moment = z.iso.datetime({ offset: true, error: 'Gebruik een datum en tijd (ISO 8601).' });

export const BreachSignalView = z.object({
  _id: id, rule: z.enum(SIGNAL_RULE_NAMES), userId: z.string().nullable(), clientId: z.string().nullable(), firstSeq: z.number().int(),
  at: timestamp, count: z.number().int(),
});
export const BreachSignalList = z.object({ items: z.array(BreachSignalView) });

export const BreachParams = z.object({ breachId: objectId }).strict();
/** The officer records an incident: when it became known (the 72 hours run from then), what happened, which signals. */
export const RecordBreachBody = z.object({
  detectedAt: moment,
  description: text(2000, 'Vul de beschrijving in.'),
  signalIds: z.array(objectId).max(50).optional(),
}).strict();
export const UpdateBreachBody = z.object({
  assessment: z.enum(BREACH_ASSESSMENT_NAMES).optional(),
  apNotifiedAt: moment.nullable().optional(),
  clientsNotifiedAt: moment.nullable().optional(),
}).strict().refine((body) => Object.keys(body).length > 0, 'Geef minstens één wijziging op.');
export const BreachIncidentView = z.object({
  _id: id, detectedAt: timestamp, description: z.string(), assessment: z.enum(BREACH_ASSESSMENT_NAMES), apNotifiedAt: timestamp.nullable(),
  clientsNotifiedAt: timestamp.nullable(), signalIds: z.array(id), recordedBy: id,
  /** detectedAt + 72 hours: the latest moment to notify the Autoriteit Persoonsgegevens (AVG art. 33(1)). */
  apDeadline: timestamp,
  createdAt: timestamp, updatedAt: timestamp,
});
export const BreachIncidentList = z.object({ items: z.array(BreachIncidentView) });
export type RecordBreachBody = z.infer<typeof RecordBreachBody>;
export type UpdateBreachBody = z.infer<typeof UpdateBreachBody>;

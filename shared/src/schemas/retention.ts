/** Retention (AVG art. 5(1)(e)) and legal hold: the API's shapes. */
import { RETENTION_CATEGORIES } from '../retention/rules';
import { day, id, objectId, text, timestamp } from './common';
import { z } from './zod';

/** A legal hold (bewaarplicht): the reason and until which day; erasure and retention wait until then. */
export const LegalHoldBody = z.object({
  reason: text(500, 'Vul de reden van de bewaarplicht in.'),
  until: day,
}).strict();
export type LegalHoldBody = z.infer<typeof LegalHoldBody>;
export const LegalHold = z.object({ reason: z.string(), until: timestamp, since: timestamp, by: id });
export const LegalHoldView = z.object({ clientId: id, legalHold: LegalHold.nullable() });
export const LegalHoldParams = z.object({ clientId: objectId }).strict();

/** One client the run erases (or, in a dry run, would erase), and why. */
export const RetentionItem = z.object({
  clientId: id,
  category: z.enum(RETENTION_CATEGORIES),
  trajectoryEnded: timestamp.nullable(),
  termText: z.string(),
  basis: z.string(),
  dueSince: timestamp.nullable(),
  /** True when an erasure that was cut off is finished (the client record may already be gone). */
  resumed: z.boolean(),
});
export const RetentionHeld = z.object({ clientId: id, until: timestamp, dueSince: timestamp });
export const RetentionReport = z.object({
  dryRun: z.boolean(),
  at: timestamp,
  erase: z.array(RetentionItem),
  held: z.array(RetentionHeld),
  erased: z.array(id),
  failed: z.array(z.object({ clientId: id, error: z.string() })),
  /** Records of the other categories past their term: deleted by a real run (counted by a dry run). */
  swept: z.object({ accountTokens: z.number().int(), mail: z.number().int(), notifications: z.number().int() }),
  /** Audit events older than their term: counted, not pruned (see docs/retention.md). */
  auditPastTerm: z.number().int(),
});
export type RetentionReport = z.infer<typeof RetentionReport>;
export const RetentionRunBody = z.object({
  confirmation: z.literal('WISSEN', { error: 'Typ WISSEN om te bevestigen dat verlopen dossiers definitief worden gewist.' }),
}).strict();

const RegisterEntry = z.object({
  name: z.string(), purpose: z.string(), basis: z.string(), data: z.string(), readers: z.array(z.string()),
  readersNote: z.string().nullable(), retention: z.string(), retentionBasis: z.string(),
});
export const RetentionRuleView = z.object({
  category: z.enum(RETENTION_CATEGORIES), label: z.string(), termText: z.string(), from: z.string(), basis: z.string(), enforcedBy: z.string(),
});
/** The privacy notice (AVG art. 13/14): generated from the policy and the retention table; public. */
export const PrivacyNoticeView = z.object({
  contact: z.string(),
  register: z.array(RegisterEntry),
  retention: z.array(RetentionRuleView),
});
export const RetentionRulesView = z.object({ items: z.array(RetentionRuleView) });
export const RegisterQuery = z.object({ format: z.enum(['json', 'csv']).default('json') }).strict();
export const ProcessingRegisterView = z.object({ generatedAt: timestamp, items: z.array(RegisterEntry) });

import { CONSENT_PURPOSES } from '../domain';
import { day, id, objectId, timestamp } from './common';
import { z } from './zod';

export const ConsentParams = z.object({ clientId: objectId, consentId: objectId }).strict();

/**
 * A consent the client grants from their own portal. Sharing a report is granted on the report itself
 * (POST …/reports/{reportId}/share), so that its workflow and its consent move together.
 */
export const GrantConsentBody = z.discriminatedUnion('purpose', [
  z.object({ purpose: z.literal('fml.capacities.coach') }).strict(),
  z.object({ purpose: z.literal('handover'), handoverId: objectId }).strict(),
]);

export const ConsentView = z.object({
  _id: id, clientId: id, purpose: z.enum(CONSENT_PURPOSES), reportId: id.nullable(), handoverId: id.nullable(),
  text: z.string().describe('De tekst waarmee de cliënt instemde'), grantedBy: id, grantedAt: timestamp,
  withdrawnAt: timestamp.nullable(),
}).partial();
export const ConsentList = z.object({ items: z.array(ConsentView) });

export const HandoverParams = z.object({ clientId: objectId, handoverId: objectId }).strict();
/** A substitute coach (vervanging) for a period; it counts only once the client consents. */
export const CreateHandoverBody = z.object({
  toCoachId: objectId,
  validFrom: day,
  validUntil: day,
  reason: z.string().trim().max(500).nullable().optional(),
}).strict().refine((body) => body.validUntil > body.validFrom, { message: 'De einddatum ligt niet na de begindatum.', path: ['validUntil'] });
export const HandoverView = z.object({
  _id: id, clientId: id, fromCoachId: id, toCoachId: id, validFrom: timestamp, validUntil: timestamp,
  reason: z.string().nullable(), createdBy: id, createdAt: timestamp,
}).partial();
export const HandoverList = z.object({ items: z.array(HandoverView) });

export type GrantConsentBody = z.infer<typeof GrantConsentBody>;
export type CreateHandoverBody = z.infer<typeof CreateHandoverBody>;

import { addDays, addMonths, formatDay, today } from '../calendarDay';
import { CONSENT_PURPOSES } from '../domain';
import { id, objectId, timestamp } from './common';
import { z } from './zod';

export const ConsentParams = z.object({ clientId: objectId, consentId: objectId }).strict();

/**
 * A consent the client grants from their own portal. Sharing a report is granted on the report itself
 * (POST …/reports/{reportId}/share), so that its workflow and its consent move together.
 */
export const GrantConsentBody = z.discriminatedUnion('purpose', [
  z.object({ purpose: z.literal('fml.capacities.coach') }).strict(),
  z.object({
    purpose: z.literal('handover'), handoverId: objectId,
    /** Whether the substitute may also see the FML capacities the client allowed their own coach to see. */
    capacities: z.boolean().default(false),
  }).strict(),
]);

export const ConsentView = z.object({
  _id: id, clientId: id, purpose: z.enum(CONSENT_PURPOSES), reportId: id.nullable(), handoverId: id.nullable(),
  text: z.string().describe('De tekst waarmee de cliënt instemde'), grantedBy: id, grantedAt: timestamp,
  withdrawnAt: timestamp.nullable(),
  includesCapacities: z.boolean().describe('Vervanging: de vervanger ziet ook de FML-capaciteiten die de cliënt de coach toestond'),
});
export const ConsentList = z.object({ items: z.array(ConsentView) });

export const HandoverParams = z.object({ clientId: objectId, handoverId: objectId }).strict();
/** A handover lasts at most this long (a longer absence is a new assignment, not a substitution). */
export const HANDOVER_MAX_MONTHS = 3;
/** The last day a handover starting on `firstDay` may run to, inclusive. */
export const lastHandoverDay = (firstDay: string) => addDays(addMonths(firstDay, HANDOVER_MAX_MONTHS), -1);

/** A calendar day in Europe/Amsterdam, kept as the day itself (JJJJ-MM-DD) rather than an instant. */
const calendarDay = z.iso.date('Gebruik een datum in de vorm JJJJ-MM-DD.');

/**
 * A substitute coach (vervanging) for whole Amsterdam days, from `validFrom` up to and including `validUntil`;
 * it counts only once the client consents. It starts today or later and lasts at most three months.
 */
export const CreateHandoverBody = z.object({
  toCoachId: objectId,
  validFrom: calendarDay,
  validUntil: calendarDay,
  reason: z.string().trim().max(500).nullable().optional(),
}).strict().superRefine((body, context) => {
  if (body.validFrom < today()) {
    context.addIssue({ code: 'custom', path: ['validFrom'], message: 'De vervanging begint vandaag of later.' });
  }
  if (body.validUntil < body.validFrom) {
    context.addIssue({ code: 'custom', path: ['validUntil'], message: 'De einddatum ligt vóór de begindatum.' });
  } else if (body.validUntil > lastHandoverDay(body.validFrom)) {
    context.addIssue({
      code: 'custom', path: ['validUntil'],
      message: `Een vervanging duurt hoogstens ${HANDOVER_MAX_MONTHS} maanden: uiterlijk tot en met ${formatDay(lastHandoverDay(body.validFrom))}.`,
    });
  }
});
export const HANDOVER_STATES = ['awaiting_consent', 'planned', 'current', 'expired', 'withdrawn'] as const;
export const HandoverView = z.object({
  _id: id, clientId: id, fromCoachId: id, toCoachId: id,
  validFrom: timestamp.describe('Begin: 00:00 op de eerste dag, Amsterdamse tijd'),
  validUntil: timestamp.describe('Einde (exclusief): 00:00 na de laatste dag, Amsterdamse tijd'),
  firstDay: z.string().describe('Eerste dag (JJJJ-MM-DD, Europe/Amsterdam)'),
  lastDay: z.string().describe('Laatste dag, tot en met (JJJJ-MM-DD, Europe/Amsterdam)'),
  state: z.enum(HANDOVER_STATES).describe('Wacht op toestemming, gepland, geldt nu, verlopen of ingetrokken'),
  reason: z.string().nullable(), createdBy: id, createdAt: timestamp,
});
export const HandoverList = z.object({ items: z.array(HandoverView) });

export type GrantConsentBody = z.infer<typeof GrantConsentBody>;
export type CreateHandoverBody = z.infer<typeof CreateHandoverBody>;

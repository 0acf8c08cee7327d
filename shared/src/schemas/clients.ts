import { TRAJECTORY_ENDED_STATUSES, TRAJECTORY_KINDS, TRAJECTORY_OUTCOMES, TRAJECTORY_STATUSES } from '../domain';
import { day, id, objectId, optionalText, Paging, text, timestamp } from './common';
import { z } from './zod';

export const ClientParams = z.object({ clientId: objectId }).strict();

/** Burgerservicenummer: 9 digits passing the elfproef. */
export const bsn = z.string().trim().regex(/^\d{9}$/, 'Een BSN bestaat uit 9 cijfers.')
  .refine(isValidBsn, 'Dit BSN klopt niet (elfproef).');

export function isValidBsn(value: string): boolean {
  const digits = [...value].map(Number);
  const sum = digits.slice(0, 8).reduce((total, digit, index) => total + digit * (9 - index), 0) - (digits[8] ?? 0);
  return sum % 11 === 0 && value !== '000000000';
}

const Trajectory = z.object({
  kind: z.enum(TRAJECTORY_KINDS),
  status: z.enum(TRAJECTORY_STATUSES).default('intake'),
  startDate: day,
  endDate: day.nullable().default(null),
  outcome: z.enum(TRAJECTORY_OUTCOMES).nullable().default(null),
}).strict()
  .refine((t) => !t.endDate || t.endDate >= t.startDate, { message: 'De einddatum ligt vóór de startdatum.', path: ['endDate'] })
  // Closing a trajectory records when and how it ended; the management figures count exactly these.
  .refine((t) => !TRAJECTORY_ENDED_STATUSES.includes(t.status) || t.endDate, { message: 'Vul de einddatum van het traject in.', path: ['endDate'] })
  .refine((t) => !TRAJECTORY_ENDED_STATUSES.includes(t.status) || t.outcome, { message: 'Kies de uitkomst van het traject.', path: ['outcome'] })
  .refine((t) => TRAJECTORY_ENDED_STATUSES.includes(t.status) || !t.outcome, { message: 'Een uitkomst hoort bij een afgerond of gestopt traject.', path: ['outcome'] });

const personalia = {
  firstName: text(100, 'Vul de voornaam in.'),
  lastName: text(100, 'Vul de achternaam in.'),
  dateOfBirth: day.nullable().optional(),
  email: z.string().trim().toLowerCase().email('Vul een geldig e-mailadres in.').max(254).nullable().optional(),
  phone: z.string().trim().max(40).regex(/^[0-9+()\- ]*$/, 'Alleen cijfers, spaties en + ( ) -.').nullable().optional(),
  address: optionalText(300, 'Adres'),
};

/** Intake (aanmelding) by a coach or the administrator. */
export const CreateClientBody = z.object({
  ...personalia,
  employerId: objectId.nullable().optional(),
  coachId: objectId.nullable().optional(),
  trajectory: Trajectory,
  /** Only where a legal need is recorded (Privacyreglement RndomWerk art. 4.4); stored encrypted, shown masked. */
  bsn: bsn.optional(),
}).strict();

export const UpdateClientBody = z.object({
  firstName: personalia.firstName.optional(),
  lastName: personalia.lastName.optional(),
  dateOfBirth: personalia.dateOfBirth,
  email: personalia.email,
  phone: personalia.phone,
  address: personalia.address,
  trajectory: Trajectory.optional(),
}).strict().refine((body) => Object.keys(body).length > 0, 'Geef minstens één wijziging op.');

export const ClientListQuery = z.object({
  search: z.string().trim().max(100).optional(),
  status: z.enum(TRAJECTORY_STATUSES).optional(),
  ...Paging,
}).strict();

/** Who coaches, treats and assesses a client; null removes the assignment. Admin only (functioneel beheer). */
export const AssignmentsBody = z.object({
  coachId: objectId.nullable().optional(),
  companyDoctorId: objectId.nullable().optional(),
  labourExpertId: objectId.nullable().optional(),
}).strict().refine((body) => Object.keys(body).length > 0, 'Geef minstens één toewijzing op.');

export const ClientView = z.object({
  _id: id, firstName: z.string(), lastName: z.string(), dateOfBirth: timestamp.nullable(), email: z.string().nullable(),
  phone: z.string().nullable(), address: z.string().nullable(), employerId: id.nullable(), coachId: id.nullable(),
  companyDoctorId: id.nullable(), labourExpertId: id.nullable(),
  trajectory: z.object({
    kind: z.enum(TRAJECTORY_KINDS), status: z.enum(TRAJECTORY_STATUSES), startDate: timestamp, endDate: timestamp.nullable(),
    outcome: z.enum(TRAJECTORY_OUTCOMES).nullable().optional(),
  }),
  bsn: z.string().nullable().describe('Alleen voor de bedrijfsarts en de cliënt zelf'),
  bsnMasked: z.string().nullable(), createdAt: timestamp, updatedAt: timestamp,
  restriction: z.object({ since: timestamp, by: id, requestId: id.nullable() }).nullable().describe('Beperking van de verwerking (AVG art. 18)'),
  restrictionLifted: z.object({ at: timestamp, by: id }).nullable(),
  legalHold: z.object({ reason: z.string(), until: timestamp, since: timestamp, by: id }).nullable().describe('Bewaarplicht (legal hold): niet wissen vóór de einddatum'),
  objections: z.object({ retentionAfterTrajectory: timestamp.nullable(), managementFigures: timestamp.nullable() }),
}).partial().required({ _id: true, firstName: true, lastName: true }).describe('Wat u van de cliënt mag zien; naam en id ziet iedere lezer');
export const ClientPage = z.object({ items: z.array(ClientView), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export type CreateClientBody = z.infer<typeof CreateClientBody>;
export type UpdateClientBody = z.infer<typeof UpdateClientBody>;
export type ClientListQuery = z.infer<typeof ClientListQuery>;
export type AssignmentsBody = z.infer<typeof AssignmentsBody>;

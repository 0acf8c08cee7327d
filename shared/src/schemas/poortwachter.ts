/**
 * The sickness case (verzuimdossier) and its Poortwachter documents: what the API accepts and answers. Dates of
 * the case are calendar days (`JJJJ-MM-DD`, Europe/Amsterdam), kept as such, never as instants.
 */
import {
  POORTWACHTER_DOCUMENT_KINDS, POORTWACHTER_DOCUMENT_STATUSES, RECOVERY_KINDS, SICKNESS_CASE_STATUSES, SICKNESS_REPORTERS,
} from '../domain';
import { isCalendarDay } from '../poortwachter/calendar';
import { EXTENSION_KINDS, MANUAL_STEPS, MAX_LOONSANCTIE_WEEKS, RESPONSIBLES, STEP_KEYS, STEP_STATUSES } from '../poortwachter/timeline';
import { id, objectId, text, timestamp } from './common';
import { z } from './zod';

/** A calendar day as people enter it, kept as that day. */
export const calendarDay = z.string().refine(isCalendarDay, 'Gebruik een bestaande datum in de vorm JJJJ-MM-DD.');

export const SicknessCaseParams = z.object({ clientId: objectId, caseId: objectId }).strict();
export const StepParams = z.object({ clientId: objectId, caseId: objectId, step: z.enum(MANUAL_STEPS) }).strict();

/** The ziekmelding: the first sick day, reported by the employer or by the bureau for it. */
export const CreateSicknessCaseBody = z.object({
  firstSickDay: calendarDay,
  reportedBy: z.enum(SICKNESS_REPORTERS),
  reportedOn: calendarDay.optional(),
}).strict();

/** A corrected first sick day: every deadline moves with it, and the reason is kept. */
export const CorrectFirstSickDayBody = z.object({
  firstSickDay: calendarDay,
  reason: text(2000, 'Geef de reden van de correctie.'),
}).strict();

export const RecoveryBody = z.object({ kind: z.enum(RECOVERY_KINDS), date: calendarDay }).strict();

/** A loonsanctie imposed by UWV, or an uitstel on joint request: weeks added to the second year. */
export const ExtensionBody = z.object({
  kind: z.enum(EXTENSION_KINDS),
  weeks: z.number().int('Een heel aantal weken.').min(1, 'Minstens 1 week.').max(MAX_LOONSANCTIE_WEEKS, `Hoogstens ${MAX_LOONSANCTIE_WEEKS} weken.`),
  decidedOn: calendarDay,
  reason: text(2000, 'Geef de reden (bijvoorbeeld de beschikking van UWV).'),
}).strict();

export const StepDoneBody = z.object({ doneOn: calendarDay }).strict();

export const TimelineStepView = z.object({
  key: z.enum(STEP_KEYS), label: z.string(), week: z.number(), opensOn: z.string().nullable(), due: z.string(),
  done: z.string().nullable(), responsible: z.array(z.enum(RESPONSIBLES)), status: z.enum(STEP_STATUSES),
  doneLate: z.boolean(), basis: z.string(),
});
export const TimelineView = z.object({
  firstSickDay: z.string(), today: z.string(), week: z.number(), extensionWeeks: z.number(), closedOn: z.string().nullable(),
  steps: z.array(TimelineStepView), next: TimelineStepView.nullable(),
});

export const SicknessCaseView = z.object({
  _id: id, clientId: id, firstSickDay: z.string(), reportedBy: z.enum(SICKNESS_REPORTERS), reportedOn: z.string(),
  status: z.enum(SICKNESS_CASE_STATUSES),
  recoveries: z.array(z.object({ kind: z.enum(RECOVERY_KINDS), date: z.string(), by: id, at: timestamp })),
  extensions: z.array(z.object({ kind: z.enum(EXTENSION_KINDS), weeks: z.number(), decidedOn: z.string(), reason: z.string(), by: id, at: timestamp })),
  corrections: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string(), by: id, at: timestamp })),
  milestones: z.object(Object.fromEntries(MANUAL_STEPS.map((step) => [step, z.string().nullable()]))),
  createdBy: id, createdAt: timestamp, updatedAt: timestamp,
  timeline: TimelineView,
}).partial().required({ _id: true, clientId: true, firstSickDay: true, status: true, timeline: true }); // every reader reads the whole case
export const SicknessCaseList = z.object({ items: z.array(SicknessCaseView) });

// --- Documents -------------------------------------------------------------------------------------------------

export const PoortwachterDocumentParams = z.object({ clientId: objectId, caseId: objectId, documentId: objectId }).strict();

/** The probleemanalyse's advice to the employer, in work terms only (it passes the medical-wording guard). */
export const AdviceContent = z.object({
  workCapacity: text(5000, 'Beschrijf wat de werknemer in werktermen wel en niet kan.'),
  advice: text(5000, 'Geef het advies aan werkgever en werknemer.'),
  expectedDuration: z.string().trim().max(500).optional(),
}).strict();

export const AGREED_ACTION_OWNERS = ['employer', 'employee', 'coach', 'company_doctor'] as const;

/** Plan van aanpak, its evaluation, the eerstejaarsevaluatie: goal, agreed actions, the employee's view. */
export const FormContent = z.object({
  goal: text(2000, 'Beschrijf het doel.'),
  actions: z.array(z.object({
    what: text(1000, 'Beschrijf de afspraak.'),
    who: z.enum(AGREED_ACTION_OWNERS),
    when: calendarDay,
  }).strict()).min(1, 'Leg minstens één afspraak vast.').max(50),
  employeeView: z.string().trim().max(5000).optional(),
  evaluation: z.string().trim().max(5000).optional(),
}).strict();

export const CreateAdviceBody = z.object({
  content: AdviceContent,
  /** The doctor's own medical note holding the medical part (health dossier). */
  medicalNoteId: objectId.optional(),
}).strict();
export const CreateFormBody = z.object({
  kind: z.enum(['action_plan', 'action_plan_evaluation', 'first_year_evaluation']),
  content: FormContent,
}).strict();
/** A new version of an advice or a form (the service checks it fits the document's kind). */
export const UpdateDocumentBody = z.object({ content: z.union([AdviceContent, FormContent]) }).strict();
export const AgreementBody = z.object({ comment: z.string().trim().max(2000).optional() }).strict();
export const DisputeFormBody = z.object({ comment: text(2000, 'Schrijf op waar u het niet mee eens bent.') }).strict();

const agreement = z.object({ by: id, at: timestamp, comment: z.string().nullable() }).nullable();
export const PoortwachterDocumentView = z.object({
  _id: id, clientId: id, caseId: id, kind: z.enum(POORTWACHTER_DOCUMENT_KINDS), status: z.enum(POORTWACHTER_DOCUMENT_STATUSES),
  authorId: id, content: z.record(z.string(), z.unknown()),
  versions: z.array(z.object({ content: z.record(z.string(), z.unknown()), by: id, at: timestamp, sentAt: timestamp.nullable() })),
  medicalNoteId: id.nullable(), employerAgreement: agreement, clientAgreement: agreement, clientComment: z.string().nullable(),
  releasedAt: timestamp.nullable(), agreedAt: timestamp.nullable(), createdAt: timestamp, updatedAt: timestamp,
}).partial().required({ _id: true, clientId: true, caseId: true, kind: true, status: true, content: true, versions: true }); // all but medicalNoteId, for every reader
export const PoortwachterDocumentList = z.object({ items: z.array(PoortwachterDocumentView) });

export type SicknessCaseParams = z.infer<typeof SicknessCaseParams>;
export type StepParams = z.infer<typeof StepParams>;
export type CreateSicknessCaseBody = z.infer<typeof CreateSicknessCaseBody>;
export type CorrectFirstSickDayBody = z.infer<typeof CorrectFirstSickDayBody>;
export type RecoveryBody = z.infer<typeof RecoveryBody>;
export type ExtensionBody = z.infer<typeof ExtensionBody>;
export type PoortwachterDocumentParams = z.infer<typeof PoortwachterDocumentParams>;
export type AdviceContent = z.infer<typeof AdviceContent>;
export type FormContent = z.infer<typeof FormContent>;
export type CreateAdviceBody = z.infer<typeof CreateAdviceBody>;
export type CreateFormBody = z.infer<typeof CreateFormBody>;

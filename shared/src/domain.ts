/**
 * The domain's vocabulary, shared by server and client. Identifiers are English; the Dutch term users know is
 * in the comment.
 */

export const ROLES = [
  'coach', // loopbaan-/re-integratiecoach
  'company_doctor', // bedrijfsarts
  'labour_expert', // arbeidsdeskundige
  'employer', // opdrachtgever / werkgever
  'client', // cliënt / betrokkene
  'privacy_officer', // privacy officer / FG
  'admin', // functioneel beheerder
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that must use two-factor authentication and get the short idle timeout (NEN 7510). */
export const HEALTH_OR_STAFF_ROLES: readonly Role[] = ['company_doctor', 'labour_expert', 'privacy_officer', 'admin'];

/**
 * Roles that open dossier content or the audit trail. Granting one (or linking an account to a client) needs a
 * second person: proposed by an administrator, confirmed by someone else (NEN 7510, separation of duties).
 */
export const FOUR_EYES_ROLES: readonly Role[] = ['coach', 'company_doctor', 'labour_expert', 'privacy_officer'];
export const ROLE_GRANT_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export type RoleGrantStatus = (typeof ROLE_GRANT_STATUSES)[number];

/** Roles whose assignment to a client is recorded on the client (caseload). */
export const ASSIGNED_ROLES = ['coach', 'company_doctor', 'labour_expert'] as const;
export type AssignedRole = (typeof ASSIGNED_ROLES)[number];

export const ORGANISATION_KINDS = ['bureau', 'employer', 'occupational_health'] as const; // arbodienst
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const TRAJECTORY_KINDS = ['spoor1', 'spoor2', 'spoor3', 'outplacement', 'career_guidance'] as const; // loopbaanbegeleiding
export type TrajectoryKind = (typeof TRAJECTORY_KINDS)[number];

export const TRAJECTORY_STATUSES = ['intake', 'active', 'paused', 'completed', 'cancelled'] as const;
export type TrajectoryStatus = (typeof TRAJECTORY_STATUSES)[number];
/** A trajectory that ended (afgerond or gestopt) records how it ended: the management figures count these. */
export const TRAJECTORY_ENDED_STATUSES: readonly TrajectoryStatus[] = ['completed', 'cancelled'];
export const TRAJECTORY_OUTCOMES = [
  'own_work', // werkhervatting eigen werk
  'adapted_work', // werkhervatting aangepast werk
  'other_work_same_employer', // ander werk bij de eigen werkgever
  'work_other_employer', // werk bij een andere werkgever
  'no_return', // geen werkhervatting
  'other', // anders
] as const;
export type TrajectoryOutcome = (typeof TRAJECTORY_OUTCOMES)[number];

/** Privacyreglement Re-integratieonderwijs.nl art. 3.5: the client reviews every consult summary. */
export const CONSULT_STATUSES = ['draft', 'awaiting_client', 'approved', 'disputed'] as const;
export type ConsultStatus = (typeof CONSULT_STATUSES)[number];
export const CONSULT_KINDS = ['intake', 'progress', 'evaluation', 'closing', 'other'] as const;
export type ConsultKind = (typeof CONSULT_KINDS)[number];

/** Privacyreglement Re-integratieonderwijs.nl art. 3.4: time registration. */
export const ACTIVITY_KINDS = ['consult', 'phone', 'email', 'test', 'training', 'application', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/**
 * Voortgangsrapportage: only a shared report with standing consent reaches the employer (Privacyreglement Re-integratieonderwijs.nl art. 5.1).
 * `shared` (a consent stands) and `withdrawn` (the last consent was withdrawn) follow from the client's consents.
 */
export const REPORT_STATUSES = ['draft', 'awaiting_client', 'approved', 'shared', 'withdrawn'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const DOCUMENT_CATEGORIES = ['cv', 'test_result', 'action_plan', 'correspondence', 'other'] as const; // plan van aanpak
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

/** The health dossier (bijzonder dossier). */
export const HEALTH_RECORD_KINDS = [
  'fml', // Functionele Mogelijkhedenlijst (or its successor, the BAR: see format)
  'ad_report', // arbeidsdeskundig onderzoek
  'medical_note', // medische aantekening, incl. eerste ziektedag
] as const;
export type HealthRecordKind = (typeof HEALTH_RECORD_KINDS)[number];
export const FML_FORMATS = ['fml', 'bar'] as const; // BAR: Beschrijving Arbeidsbelastbaarheid en Re-integratie
export const HEALTH_DOCUMENT_CATEGORIES = ['ad_report', 'medical', 'other'] as const;

export const CONSENT_PURPOSES = [
  'report.share', // one progress report to the client's employer
  'fml.capacities.coach', // the coach may see the FML capacities (not the explanation)
  'handover', // a substitute coach may take over the dossier, until a date
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Wet verbetering poortwachter: a sickness case (verzuimdossier) and its documents. */
export const SICKNESS_CASE_STATUSES = ['open', 'recovered'] as const;
export type SicknessCaseStatus = (typeof SICKNESS_CASE_STATUSES)[number];
/** The first sick day is reported by the employer, or by the bureau for the employer. */
export const SICKNESS_REPORTERS = ['employer', 'bureau'] as const;
export const RECOVERY_KINDS = ['partial', 'full'] as const; // gedeeltelijk / volledig hersteld
export const POORTWACHTER_DOCUMENT_KINDS = [
  'problem_analysis', // probleemanalyse: the advice to the employer in work terms (the medical part is a health record)
  'action_plan', // plan van aanpak
  'action_plan_evaluation', // evaluatie (bijstelling) van het plan van aanpak
  'first_year_evaluation', // eerstejaarsevaluatie
] as const;
export type PoortwachterDocumentKind = (typeof POORTWACHTER_DOCUMENT_KINDS)[number];
/** The structured forms employer and employee agree on. */
export const AGREEMENT_KINDS = ['action_plan', 'action_plan_evaluation', 'first_year_evaluation'] as const;
/** The advice: the doctor's draft, released to employer and employee. The forms: drafted, agreed by both, or disputed. */
export const POORTWACHTER_DOCUMENT_STATUSES = ['draft', 'released', 'awaiting_agreement', 'agreed', 'disputed'] as const;
export type PoortwachterDocumentStatus = (typeof POORTWACHTER_DOCUMENT_STATUSES)[number];

export const COMPARTMENTS = ['process', 'health'] as const;
export type Compartment = (typeof COMPARTMENTS)[number];

/** AVG art. 15–21. */
export const DATA_SUBJECT_REQUEST_KINDS = [
  'access', 'rectification', 'erasure', 'restriction', 'portability', 'objection',
] as const;
export type DataSubjectRequestKind = (typeof DATA_SUBJECT_REQUEST_KINDS)[number];
export const DATA_SUBJECT_REQUEST_STATUSES = ['received', 'in_progress', 'completed', 'rejected'] as const;
export type DataSubjectRequestStatus = (typeof DATA_SUBJECT_REQUEST_STATUSES)[number];
/** How a request reached the bureau: the portal, or a letter, call or e-mail the privacy officer records. */
export const REQUEST_CHANNELS = ['portal', 'letter', 'phone', 'email'] as const;
/** How the requester's identity was checked before anything is handed out (AVG art. 12(6)). */
export const IDENTITY_CHECK_METHODS = [
  'portal_two_factor', // signed in to the portal with password and two-factor authentication
  'id_document', // an identity document shown in person (number not recorded)
  'callback', // called back on the number known in the dossier
  'in_person', // known personally to the coach or officer
] as const;

/** NEN 7513 event types. */
export const AUDIT_ACTIONS = [
  'create', 'read', 'update', 'delete', 'export', 'print', 'search', 'share', 'login', 'logout', 'login_failed',
  'lockout', 'mfa', 'password_change', 'role_change', 'approve', 'dispute', 'send', 'grant', 'withdraw', 'assign',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_OUTCOMES = ['allowed', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Where an e-mail in the outbox stands. */
export const MAIL_STATUSES = ['queued', 'sent', 'failed'] as const;

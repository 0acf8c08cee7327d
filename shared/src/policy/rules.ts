/**
 * The policy: who may do what with which fields, for every role of docs/design.md §1. One function, read top to
 * bottom; nothing else in the code base decides access. Deny by default: a subject, action or field not granted
 * here is forbidden. Rules add up over a user's roles, except the employer's ban on the health dossier, which is
 * an inverted rule placed last so that nothing else can lift it.
 *
 * CASL notes: conditions use `$in` lists instead of `$or` (one rule per alternative), a rule is only added when
 * its list is non-empty (so every rule that exists can be shown to matter), and `accessibleBy` ignores fields —
 * presenters reduce responses with `permittedFieldsOf`.
 */
import {
  AbilityBuilder, createMongoAbility, type AnyMongoAbility, type ForcedSubject, type MongoAbility, type MongoQuery, type RawRuleOf,
} from '@casl/ability';
import { AGREEMENT_KINDS } from '../domain';
import type { Actor } from './actor';
import { ACTIONS, DOSSIER_SUBJECTS, HEALTH_SUBJECTS, SUBJECT_FIELDS, WRITE_ACTIONS, type Action, type SubjectType } from './subjects';

/** A document checked against the policy: plain data tagged with its subject type (`subject('Consult', doc)`). */
export type TaggedSubject = Record<string, unknown> & ForcedSubject<SubjectType>;
export type AppAbility = MongoAbility<[Action, SubjectType | TaggedSubject], MongoQuery>;
export type AppRule = RawRuleOf<AppAbility>;

const allFieldsExcept = <S extends SubjectType>(subject: S, ...hidden: string[]) =>
  (SUBJECT_FIELDS[subject] as readonly string[]).filter((field) => !hidden.includes(field));

/** The coach sees personalia and trajectory, the BSN only masked. */
export const COACH_CLIENT_FIELDS = allFieldsExcept('Client', 'bsn');
/** The labour expert needs identity and trajectory, no BSN. */
export const LABOUR_EXPERT_CLIENT_FIELDS = allFieldsExcept('Client', 'bsn');
/** The employer knows who is in a trajectory and how it stands (Privacyreglement RndomWerk art. 5). */
export const EMPLOYER_CLIENT_FIELDS = ['_id', 'firstName', 'lastName', 'employerId', 'trajectory'];
/** Functional administration: who is assigned to whom, no dossier content. */
export const ADMIN_CLIENT_FIELDS = [
  '_id', 'firstName', 'lastName', 'employerId', 'coachId', 'companyDoctorId', 'labourExpertId', 'trajectory',
  'createdAt', 'updatedAt',
];
/** Intake: the BSN may be entered (where a legal need is recorded) but the coach reads it only masked afterwards. */
export const CLIENT_INTAKE_FIELDS = [
  'firstName', 'lastName', 'dateOfBirth', 'email', 'phone', 'address', 'employerId', 'trajectory', 'coachId', 'bsn',
];
export const ORGANISATION_NAME_FIELDS = ['_id', 'name', 'kind'];
/**
 * The privacy officer identifies whoever files a request (AVG art. 12(6)): the personal details to check an
 * identity against, no trajectory, assignments or BSN.
 */
export const PRIVACY_OFFICER_CLIENT_FIELDS = [
  '_id', 'firstName', 'lastName', 'dateOfBirth', 'email', 'phone', 'address', 'restriction', 'restrictionLifted', 'legalHold', 'objections',
];
export const CLIENT_EDITABLE_FIELDS = ['firstName', 'lastName', 'dateOfBirth', 'email', 'phone', 'address', 'trajectory'];
export const ASSIGNMENT_FIELDS = ['coachId', 'companyDoctorId', 'labourExpertId'];

export const CONSULT_EDITABLE_FIELDS = ['date', 'durationMinutes', 'kind', 'summary'];
export const REPORT_EDITABLE_FIELDS = ['title', 'periodStart', 'periodEnd', 'text', 'consultIds'];
/** What an employer reads of a shared report: the report itself, not the consults it draws on. */
export const EMPLOYER_REPORT_FIELDS = ['_id', 'clientId', 'title', 'periodStart', 'periodEnd', 'text', 'sharedAt'];

/** The FML capacities view: rubrieken, items and levels; no explanation, conclusion or diagnosis. */
export const FML_CAPACITY_FIELDS = ['_id', 'clientId', 'kind', 'format', 'date', 'capacities'];

/** What a client sees of who accessed their file (no hashes or network details of staff). */
export const ACCESS_LOG_FIELDS = ['_id', 'seq', 'at', 'action', 'outcome', 'clientId', 'actor', 'object'];

/**
 * The Poortwachter documents as the employer and the coach read them: the work-terms content, never the link to
 * the medical part of the probleemanalyse (that lives in the health dossier, for the company doctor).
 */
export const POORTWACHTER_WORK_FIELDS = allFieldsExcept('PoortwachterDocument', 'medicalNoteId');
/** The advice once the doctor released it; the forms once they went to employer and employee. */
const RELEASED_ADVICE = { kind: 'problem_analysis', status: 'released' };
const SHOWN_FORM_STATUSES = ['awaiting_agreement', 'agreed', 'disputed'];

/** Users: never the password hash, TOTP secret or recovery codes, to anyone. */
export const USER_ADMIN_FIELDS = allFieldsExcept('User', 'passwordHash', 'totpSecret', 'recoveryCodes');
/** What a coach reads of a colleague coach: enough to name a substitute, nothing more. */
export const COLLEAGUE_FIELDS = ['_id', 'name'];
export const USER_SELF_FIELDS = ['_id', 'email', 'name', 'roles', 'organisationId', 'clientId', 'mfaEnabled'];
export const USER_EDITABLE_FIELDS = ['name', 'roles', 'organisationId', 'clientId', 'disabled'];

/** What nobody changes about their own account (NEN 7510: functional administration is no way into content). */
export const USER_SELF_LOCKED_FIELDS = ['roles', 'organisationId', 'clientId', 'disabled'];
export const SELF_CHANGE_BAN = 'U kunt uw eigen rollen, organisatie of koppeling aan een cliënt niet wijzigen (functiescheiding).';
export const OWN_GRANT_BAN = 'Een voorstel bevestigt u niet zelf: dat doet een tweede persoon (vier-ogenprincipe).';
/** The reason every refused write to a restricted dossier gives (answered with 423 Locked). */
export const RESTRICTION_REASON =
  'De verwerking van dit dossier is beperkt (AVG art. 18): er kan niets worden toegevoegd of gewijzigd zolang de beperking geldt.';

export const EMPLOYER_HEALTH_BAN =
  'Een werkgever krijgt nooit inzage in het medisch dossier, ook niet met toestemming (AVG art. 9, KNMG).';

export function defineRulesFor(actor: Actor): AppRule[] {
  // Built untyped on conditions (CASL infers `never` fields for string subject types), typed at the boundary.
  const { can, cannot, rules } = new AbilityBuilder<AnyMongoAbility>(createMongoAbility);
  const { facts, roles, userId } = actor;
  const has = (role: Actor['roles'][number]) => roles.includes(role);
  const inList = (ids: string[]) => ({ $in: ids });
  const consented = (purpose: string) =>
    facts.consents.filter((consent) => consent.purpose === purpose).map((consent) => consent.clientId);

  // Everyone reads their own account (profile page, /me).
  can('read', 'User', USER_SELF_FIELDS, { _id: userId });
  // Everyone reads (and marks as read) their own notifications, nobody else's.
  can(['read', 'update'], 'Notification', { userId });

  if (has('coach')) {
    const caseload = facts.caseload.coach;
    // A substitute coach works on the dossier as the coach does, while the handover stands (Privacyreglement Re-integratieonderwijs.nl art. 6.2).
    const coached = unique([...caseload, ...facts.handoverClientIds]);
    can('create', 'Client', CLIENT_INTAKE_FIELDS, { coachId: userId });
    // The intake form names the client's employer: the coach may know which employers exist, nothing more.
    can('read', 'Organisation', ORGANISATION_NAME_FIELDS, { kind: 'employer' });
    if (coached.length > 0) {
      const ofClient = { clientId: inList(coached) };
      can('read', 'Client', COACH_CLIENT_FIELDS, { _id: inList(coached) });
      can('update', 'Client', CLIENT_EDITABLE_FIELDS, { _id: inList(coached) });

      can(['create', 'read'], 'Consult', ofClient);
      can('update', 'Consult', CONSULT_EDITABLE_FIELDS, { ...ofClient, status: inList(['draft', 'disputed']) });
      can('send', 'Consult', { ...ofClient, status: inList(['draft', 'disputed']) });
      can('delete', 'Consult', { ...ofClient, status: 'draft' });
      // An approved summary is locked: a correction is an addendum (Privacyreglement Re-integratieonderwijs.nl art. 3.5, AVG art. 16).
      can('update', 'Consult', ['addenda'], { ...ofClient, status: 'approved' });

      can(['create', 'read'], 'Activity', ofClient);
      can(['update', 'delete'], 'Activity', { ...ofClient, authorId: userId });

      can(['create', 'read'], 'Report', ofClient);
      can('update', 'Report', REPORT_EDITABLE_FIELDS, { ...ofClient, status: 'draft' });
      can(['send', 'delete'], 'Report', { ...ofClient, status: 'draft' });

      can(['create', 'read'], 'Document', ofClient);
      can('delete', 'Document', { ...ofClient, uploadedBy: userId });

      can('read', ['Consent', 'Handover'], ofClient);

      // Wet verbetering poortwachter: the coach keeps the case for the employer and drafts the plan van aanpak.
      can(['create', 'read', 'update', 'export'], 'SicknessCase', ofClient);
      const forms = { ...ofClient, kind: inList([...AGREEMENT_KINDS]) };
      can('create', 'PoortwachterDocument', forms);
      can('read', 'PoortwachterDocument', POORTWACHTER_WORK_FIELDS, forms);
      can(['update', 'send'], 'PoortwachterDocument', { ...forms, status: inList(['draft', 'disputed']) });
      can('read', 'PoortwachterDocument', POORTWACHTER_WORK_FIELDS, { ...ofClient, ...RELEASED_ADVICE });

      // A substitute sees the capacities only where the client's consent to the handover says so.
      const capacitiesVisible = unique([...caseload, ...facts.handoverCapacityClientIds])
        .filter((id) => consented('fml.capacities.coach').includes(id));
      if (capacitiesVisible.length > 0) {
        can('read', 'HealthRecord', FML_CAPACITY_FIELDS, { clientId: inList(capacitiesVisible), kind: 'fml' });
      }
    }
    if (caseload.length > 0) {
      can('create', 'Handover', { clientId: inList(caseload), fromCoachId: userId });
    }
    // To ask a colleague to stand in (vervanging), a coach sees the names of the other coaches of the bureau.
    can('read', 'User', COLLEAGUE_FIELDS, { roles: 'coach', disabled: false });
  }

  if (has('company_doctor')) {
    const treated = facts.caseload.company_doctor;
    if (treated.length > 0) {
      const ofClient = { clientId: inList(treated) };
      can('read', 'Client', { _id: inList(treated) });
      can('read', ['HealthRecord', 'HealthDocument'], ofClient);
      can('create', 'HealthRecord', { ...ofClient, kind: inList(['fml', 'medical_note']), authorId: userId });
      // A record is never edited; its author adds a correction below it (AVG art. 16).
      can('update', 'HealthRecord', ['addenda'], { ...ofClient, kind: inList(['fml', 'medical_note']), authorId: userId });
      // The medical part of the re-integratieverslag, for UWV's insurance physician (Wet verbetering poortwachter).
      can('export', 'HealthRecord', { ...ofClient, kind: 'medical_note' });
      can('create', 'HealthDocument', { ...ofClient, uploadedBy: userId });

      // The probleemanalyse: the doctor writes the advice in work terms and releases it to employer and employee.
      can('read', 'SicknessCase', ofClient);
      const analyses = { ...ofClient, kind: 'problem_analysis' };
      can('read', 'PoortwachterDocument', analyses);
      can('create', 'PoortwachterDocument', { ...analyses, authorId: userId });
      can(['update', 'share'], 'PoortwachterDocument', { ...analyses, status: 'draft' });
      can('read', 'PoortwachterDocument', { ...ofClient, kind: inList([...AGREEMENT_KINDS]), status: inList(SHOWN_FORM_STATUSES) });
    }
  }

  if (has('labour_expert')) {
    const assessed = facts.caseload.labour_expert;
    if (assessed.length > 0) {
      const ofClient = { clientId: inList(assessed) };
      can('read', 'Client', LABOUR_EXPERT_CLIENT_FIELDS, { _id: inList(assessed) });
      can('read', 'HealthRecord', { ...ofClient, kind: inList(['fml', 'ad_report']) });
      can('create', 'HealthRecord', { ...ofClient, kind: 'ad_report', authorId: userId });
      can('update', 'HealthRecord', ['addenda'], { ...ofClient, kind: 'ad_report', authorId: userId });
      can('read', 'HealthDocument', { ...ofClient, category: 'ad_report' });
      can('create', 'HealthDocument', { ...ofClient, category: 'ad_report', uploadedBy: userId });
    }
  }

  if (has('employer') && actor.organisationId) {
    can('read', 'Client', EMPLOYER_CLIENT_FIELDS, { employerId: actor.organisationId });
    const employees = facts.employeeClientIds;
    const sharedReportIds = facts.consents
      .filter((consent) => consent.purpose === 'report.share' && consent.reportId && employees.includes(consent.clientId))
      .map((consent) => consent.reportId as string);
    if (sharedReportIds.length > 0) {
      // Only a shared report whose consent still stands (Privacyreglement Re-integratieonderwijs.nl art. 5.1, Privacyreglement RndomWerk art. 5.1).
      // Stored, an approved report reads `approved`; presented under a standing consent, `shared`.
      can('read', 'Report', EMPLOYER_REPORT_FIELDS, {
        _id: inList(sharedReportIds),
        clientId: inList(employees),
        status: inList(['approved', 'shared']),
      });
    }
    if (employees.length > 0) {
      // The employer reports the first sick day and keeps the case (Wet verbetering poortwachter): dates and steps,
      // the released advice and the forms it agrees to — the health dossier stays closed (ban below).
      const ofEmployee = { clientId: inList(employees) };
      can(['create', 'read', 'update', 'export'], 'SicknessCase', ofEmployee);
      can('read', 'PoortwachterDocument', POORTWACHTER_WORK_FIELDS, { ...ofEmployee, ...RELEASED_ADVICE });
      const forms = { ...ofEmployee, kind: inList([...AGREEMENT_KINDS]) };
      can('read', 'PoortwachterDocument', POORTWACHTER_WORK_FIELDS, { ...forms, status: inList(SHOWN_FORM_STATUSES) });
      can('approve', 'PoortwachterDocument', { ...forms, status: 'awaiting_agreement' });
    }
  }

  if (has('client') && actor.clientId) {
    const own = { clientId: actor.clientId };
    // Right of access (AVG art. 15): everything about themselves, the health dossier included.
    can('read', 'Client', { _id: actor.clientId });
    can('read', 'Consult', { ...own, status: inList(['awaiting_client', 'approved', 'disputed']) });
    can(['approve', 'dispute'], 'Consult', { ...own, status: 'awaiting_client' });
    can('read', 'Report', { ...own, status: inList(['awaiting_client', 'approved', 'shared', 'withdrawn']) });
    can(['approve', 'dispute'], 'Report', { ...own, status: 'awaiting_client' });
    // Again after a withdrawal: a new consent, with the text of that day.
    can('share', 'Report', { ...own, status: inList(['approved', 'withdrawn']) });
    can('read', ['Activity', 'Document', 'HealthRecord', 'HealthDocument', 'Handover'], own);
    can(['read', 'grant'], 'Consent', own);
    can('withdraw', 'Consent', { ...own, withdrawnAt: null });
    can('read', 'AuditEvent', ACCESS_LOG_FIELDS, own);
    can(['create', 'read'], 'DataSubjectRequest', own);
    can('read', 'SicknessCase', own);
    can('read', 'PoortwachterDocument', { ...own, status: inList(['released', ...SHOWN_FORM_STATUSES]) });
    // The employee agrees to the plan van aanpak as to a consult summary, or says why not.
    can(['approve', 'dispute'], 'PoortwachterDocument', { ...own, kind: inList([...AGREEMENT_KINDS]), status: 'awaiting_agreement' });
    // Objection (AVG art. 21): to keeping the dossier after the trajectory, and to use in management figures.
    can('update', 'Client', ['objections'], { _id: actor.clientId });
    // Access and portability (AVG art. 15, 20): the client makes, follows and downloads their own export.
    can(['create', 'read', 'export'], 'DataExport', own);
  }

  if (has('privacy_officer')) {
    can(['read', 'export', 'verify'], 'AuditEvent');
    can(['create', 'read', 'update'], 'DataSubjectRequest');
    can('read', 'Client', PRIVACY_OFFICER_CLIENT_FIELDS);
    // The officer releases an export for a checked request and follows its progress, but never downloads it.
    can(['create', 'read'], 'DataExport');
    // Erasure (AVG art. 17): for a request whose identity check is recorded, with confirmation.
    can('erase', 'Client');
    can('restrict', 'Client');
    // A legal hold (bewaarplicht) keeps a dossier past its retention term while a claim or inquiry needs it.
    can('hold', 'Client');
    can('read', 'RelationRegister');
    can(['read', 'execute'], 'Retention');
    // Breach signals and the breach register (AVG art. 33/34): the officer assesses and records what was reported.
    can(['create', 'read', 'update'], 'Breach');
    // The second pair of eyes on every grant that opens dossier content (NEN 7510, separation of duties).
    can(['read', 'approve'], 'RoleGrant');
  }

  if (has('admin')) {
    can(['create', 'read'], 'User', USER_ADMIN_FIELDS);
    can('update', 'User', USER_EDITABLE_FIELDS);
    can(['create', 'read', 'update'], 'Organisation');
    can('create', 'Client', CLIENT_INTAKE_FIELDS);
    can('read', 'Client', ADMIN_CLIENT_FIELDS);
    can('assign', 'Client', ASSIGNMENT_FIELDS);
    can(['create', 'read'], 'Handover');
    can('read', 'RelationRegister');
    // Anonymous figures hold no dossier content, so the bureau's administrator may read them (no separate role).
    can('read', 'ManagementFigures');
    can(['create', 'read'], 'RoleGrant');
    // A new privacy officer may also be confirmed by a second administrator (there may not be one yet).
    can('approve', 'RoleGrant', { role: 'privacy_officer' });
    can('read', 'MailMessage');
    cannot('update', 'User', USER_SELF_LOCKED_FIELDS, { _id: userId }).because(SELF_CHANGE_BAN);
  }

  if (has('privacy_officer') || has('admin')) {
    // Four eyes: neither the proposer nor the person it is for confirms a grant.
    cannot('approve', 'RoleGrant', { proposedBy: userId }).because(OWN_GRANT_BAN);
    cannot('approve', 'RoleGrant', { userId }).because(OWN_GRANT_BAN);
  }

  const restricted = facts.restrictedClientIds;
  if (restricted.length > 0) {
    // A restriction of processing (AVG art. 18) stops every write to the dossier, whoever asks; reads go on and are
    // audited as always. The employer stops receiving shared reports: that is processing for a new purpose.
    cannot([...WRITE_ACTIONS], 'Client', { _id: inList(restricted) }).because(RESTRICTION_REASON);
    cannot([...WRITE_ACTIONS], DOSSIER_SUBJECTS.filter((type) => type !== 'Client'), { clientId: inList(restricted) }).because(RESTRICTION_REASON);
    if (has('employer')) cannot('read', 'Report', { clientId: inList(restricted) }).because(RESTRICTION_REASON);
  }

  if (has('employer')) {
    // Last, so it wins over every rule above, whatever other role this user also holds.
    cannot([...ACTIONS], [...HEALTH_SUBJECTS]).because(EMPLOYER_HEALTH_BAN);
  }

  return rules as AppRule[];
}

export function createAppAbility(rules: AppRule[]): AppAbility {
  return createMongoAbility<AppAbility>(rules);
}

export function defineAbilityFor(actor: Actor): AppAbility {
  return createAppAbility(defineRulesFor(actor));
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

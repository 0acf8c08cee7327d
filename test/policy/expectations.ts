/**
 * The expectation table: what every role may do, written independently of the policy code (field lists spelled
 * out, not imported). It is a closed world: a cell (role × specimen × action × relationship × field) not granted
 * below is expected to be forbidden. `policy.test.ts` checks every cell against the real policy.
 */
import { subject } from '@casl/ability';
import type { Role } from '@spoorboek/shared/domain';
import { emptyFacts, type Actor } from '@spoorboek/shared/policy/actor';
import type { TaggedSubject } from '@spoorboek/shared/policy/rules';
import { ACTIONS, DOSSIER_SUBJECTS, SUBJECT_FIELDS, WRITE_ACTIONS, type Action, type SubjectType } from '@spoorboek/shared/policy/subjects';

export const ids = {
  actor: '65a000000000000000000001',
  otherUser: '65a000000000000000000002',
  otherCoach: '65a000000000000000000003',
  client: '65a0000000000000000000c1', // X: the client every specimen belongs to
  otherClient: '65a0000000000000000000c2', // Y
  employer: '65a0000000000000000000e1', // X's employer
  otherEmployer: '65a0000000000000000000e2',
  report: '65a0000000000000000000f1',
  handover: '65a0000000000000000000a1',
};

/** How the actor relates to client X, whose documents the specimens are. */
export const WORLDS = [
  'assigned', // X on the caseload / X's employer / the client X themself
  'unrelated', // the actor relates to another client Y and another employer
  'consentGiven', // assigned, and X consented (FML capacities for the coach, this report for the employer)
  'consentWithdrawn', // assigned, and X withdrew those consents: the loader no longer lists them
  'handoverActive', // not assigned, but a standing, consented handover of X to this coach
  'handoverExpired', // the same handover after its end date: the loader no longer lists it
  'restricted', // assigned, and the privacy officer restricted X's processing (AVG art. 18)
] as const;
export type World = (typeof WORLDS)[number];

const ASSIGNED: World[] = ['assigned', 'consentGiven', 'consentWithdrawn', 'restricted'];
const COACHING: World[] = [...ASSIGNED, 'handoverActive'];
const EVERYWHERE: World[] = [...WORLDS];

const isAssigned = (world: World) => ASSIGNED.includes(world);

export function actorFor(roles: Role[], world: World): Actor {
  const facts = emptyFacts();
  const related = isAssigned(world) ? ids.client : ids.otherClient;
  for (const role of ['coach', 'company_doctor', 'labour_expert'] as const) {
    if (roles.includes(role)) facts.caseload[role] = [related];
  }
  if (roles.includes('employer')) facts.employeeClientIds = [related];
  if (world === 'consentGiven') {
    facts.consents = [
      { clientId: ids.client, purpose: 'fml.capacities.coach' },
      { clientId: ids.client, purpose: 'report.share', reportId: ids.report },
    ];
  }
  if (world === 'handoverActive') facts.handoverClientIds = [ids.client];
  if (world === 'restricted') facts.restrictedClientIds = [ids.client];
  return {
    userId: ids.actor,
    name: 'Test Actor',
    roles,
    organisationId: roles.includes('employer') ? (isAssigned(world) ? ids.employer : ids.otherEmployer) : null,
    clientId: roles.includes('client') ? related : null,
    facts,
  };
}

interface Specimen {
  type: SubjectType;
  build(world: World): Record<string, unknown>;
}

/** In the worlds where the actor is assigned, people fields on X's documents name the actor. */
const person = (world: World) => (isAssigned(world) ? ids.actor : ids.otherUser);
const ofX = { clientId: ids.client };
const consult = (status: string) => (world: World) => ({ _id: 'c1', ...ofX, coachId: person(world), status, summary: 's' });
const report = (status: string) => (world: World) => ({ _id: ids.report, ...ofX, coachId: person(world), status, text: 't' });
const healthRecord = (kind: string) => (world: World) => ({ _id: `h-${kind}`, ...ofX, kind, authorId: person(world) });
const healthDocument = (category: string) => (world: World) => ({ _id: `hd-${category}`, ...ofX, category, uploadedBy: person(world) });

const pwDocument = (kind: string, status: string) => (world: World) =>
  ({ _id: `pw-${kind}-${status}`, ...ofX, caseId: 's1', kind, status, authorId: person(world) });

export const SPECIMENS = {
  client: {
    type: 'Client',
    build: (world) => ({
      _id: ids.client, employerId: ids.employer, coachId: person(world), companyDoctorId: person(world),
      labourExpertId: person(world), firstName: 'Jan', lastName: 'de Wit', bsn: '123456782',
    }),
  },
  'consult.draft': { type: 'Consult', build: consult('draft') },
  'consult.awaiting_client': { type: 'Consult', build: consult('awaiting_client') },
  'consult.approved': { type: 'Consult', build: consult('approved') },
  'consult.disputed': { type: 'Consult', build: consult('disputed') },
  // Own entries and a colleague's, whatever the relationship to the client.
  'activity.mine': { type: 'Activity', build: () => ({ _id: 'a1', ...ofX, authorId: ids.actor, minutes: 30 }) },
  'activity.colleagues': { type: 'Activity', build: () => ({ _id: 'a2', ...ofX, authorId: ids.otherUser, minutes: 30 }) },
  'report.draft': { type: 'Report', build: report('draft') },
  'report.awaiting_client': { type: 'Report', build: report('awaiting_client') },
  'report.approved': { type: 'Report', build: report('approved') },
  'report.shared': { type: 'Report', build: report('shared') },
  'report.withdrawn': { type: 'Report', build: report('withdrawn') },
  'document.mine': { type: 'Document', build: () => ({ _id: 'd1', ...ofX, uploadedBy: ids.actor }) },
  'document.colleagues': { type: 'Document', build: () => ({ _id: 'd2', ...ofX, uploadedBy: ids.otherUser }) },
  'health.fml': { type: 'HealthRecord', build: healthRecord('fml') },
  'health.ad_report': { type: 'HealthRecord', build: healthRecord('ad_report') },
  'health.medical_note': { type: 'HealthRecord', build: healthRecord('medical_note') },
  // A colleague's note: read by the doctors of the client, corrected (addenda) by its author only.
  'health.medical_note.colleagues': {
    type: 'HealthRecord', build: () => ({ _id: 'h-colleague', ...ofX, kind: 'medical_note', authorId: ids.otherUser }),
  },
  'healthDocument.medical': { type: 'HealthDocument', build: healthDocument('medical') },
  'healthDocument.ad_report': { type: 'HealthDocument', build: healthDocument('ad_report') },
  sicknessCase: { type: 'SicknessCase', build: () => ({ _id: 's1', ...ofX, firstSickDay: '2026-01-05', status: 'open' }) },
  'pw.analysis.draft': { type: 'PoortwachterDocument', build: pwDocument('problem_analysis', 'draft') },
  'pw.analysis.released': { type: 'PoortwachterDocument', build: pwDocument('problem_analysis', 'released') },
  'pw.plan.draft': { type: 'PoortwachterDocument', build: pwDocument('action_plan', 'draft') },
  'pw.plan.awaiting_agreement': { type: 'PoortwachterDocument', build: pwDocument('action_plan', 'awaiting_agreement') },
  'pw.plan.agreed': { type: 'PoortwachterDocument', build: pwDocument('action_plan', 'agreed') },
  'pw.plan.disputed': { type: 'PoortwachterDocument', build: pwDocument('action_plan', 'disputed') },
  'pw.evaluation.draft': { type: 'PoortwachterDocument', build: pwDocument('action_plan_evaluation', 'draft') },
  'pw.firstYear.awaiting_agreement': { type: 'PoortwachterDocument', build: pwDocument('first_year_evaluation', 'awaiting_agreement') },
  'consent.standing': { type: 'Consent', build: () => ({ _id: 'k1', ...ofX, purpose: 'report.share', withdrawnAt: null }) },
  'consent.withdrawn': {
    type: 'Consent',
    build: () => ({ _id: 'k2', ...ofX, purpose: 'report.share', withdrawnAt: new Date('2026-01-02') }),
  },
  handover: {
    type: 'Handover',
    build: (world) => ({ _id: ids.handover, ...ofX, fromCoachId: person(world), toCoachId: ids.otherUser }),
  },
  auditEvent: { type: 'AuditEvent', build: () => ({ _id: 'e1', seq: 1, ...ofX, action: 'read' }) },
  dataSubjectRequest: { type: 'DataSubjectRequest', build: () => ({ _id: 'r1', ...ofX, kind: 'access' }) },
  dataExport: { type: 'DataExport', build: () => ({ _id: 'x1', ...ofX, status: 'ready' }) },
  'user.self': { type: 'User', build: () => ({ _id: ids.actor, email: 'me@example.nl' }) },
  'user.other': { type: 'User', build: () => ({ _id: ids.otherUser, email: 'other@example.nl' }) },
  'user.coach': { type: 'User', build: () => ({ _id: ids.otherCoach, email: 'coach@example.nl', name: 'Bram', roles: ['coach'], organisationId: null, disabled: false }) },
  organisation: { type: 'Organisation', build: () => ({ _id: ids.employer, name: 'Bakkerij Vos', kind: 'employer' }) },
  // Four-eyes proposals: a colleague's for a third person, one the actor proposed, one for the actor, a privacy officer.
  'roleGrant.others': { type: 'RoleGrant', build: () => ({ _id: 'g1', userId: 'u3', kind: 'role', role: 'coach', proposedBy: ids.otherUser }) },
  'roleGrant.mine': { type: 'RoleGrant', build: () => ({ _id: 'g2', userId: 'u3', kind: 'role', role: 'coach', proposedBy: ids.actor }) },
  'roleGrant.forMe': { type: 'RoleGrant', build: () => ({ _id: 'g3', userId: ids.actor, kind: 'client_link', role: null, proposedBy: ids.otherUser }) },
  'roleGrant.privacyOfficer': {
    type: 'RoleGrant', build: () => ({ _id: 'g4', userId: 'u3', kind: 'role', role: 'privacy_officer', proposedBy: ids.otherUser }),
  },
  'notification.mine': { type: 'Notification', build: () => ({ _id: 'n1', userId: ids.actor, kind: 'consult_waiting' }) },
  'notification.others': { type: 'Notification', build: () => ({ _id: 'n2', userId: ids.otherUser, kind: 'consult_waiting' }) },
  mailMessage: { type: 'MailMessage', build: () => ({ _id: 'm1', to: 'x@example.nl', kind: 'invitation', status: 'queued' }) },
  relationRegister: { type: 'RelationRegister', build: () => ({}) },
  managementFigures: { type: 'ManagementFigures', build: () => ({}) },
  retention: { type: 'Retention', build: () => ({}) },
  breach: { type: 'Breach', build: () => ({ _id: 'b1', rule: 'employer_health_wall' }) },
} satisfies Record<string, Specimen>;
export type SpecimenName = keyof typeof SPECIMENS;

export function specimenSubject(name: SpecimenName, world: World): TaggedSubject {
  const specimen: Specimen = SPECIMENS[name];
  return subject(specimen.type, specimen.build(world)) as TaggedSubject;
}

interface Grant {
  on: SpecimenName[];
  do: Action[];
  in: World[];
  /** Omitted: every field of the subject. */
  fields?: string[];
}

const CONSULTS: SpecimenName[] = ['consult.draft', 'consult.awaiting_client', 'consult.approved', 'consult.disputed'];
const REPORTS: SpecimenName[] = ['report.draft', 'report.awaiting_client', 'report.approved', 'report.shared', 'report.withdrawn'];
const HEALTH_RECORDS: SpecimenName[] = ['health.fml', 'health.ad_report', 'health.medical_note', 'health.medical_note.colleagues'];
const HEALTH_DOCUMENTS: SpecimenName[] = ['healthDocument.medical', 'healthDocument.ad_report'];
const ACTIVITIES: SpecimenName[] = ['activity.mine', 'activity.colleagues'];
const DOCUMENTS: SpecimenName[] = ['document.mine', 'document.colleagues'];
const CONSENTS: SpecimenName[] = ['consent.standing', 'consent.withdrawn'];
const PLANS: SpecimenName[] = [
  'pw.plan.draft', 'pw.plan.awaiting_agreement', 'pw.plan.agreed', 'pw.plan.disputed', 'pw.evaluation.draft', 'pw.firstYear.awaiting_agreement',
];
const SHOWN_PLANS: SpecimenName[] = ['pw.plan.awaiting_agreement', 'pw.plan.agreed', 'pw.plan.disputed', 'pw.firstYear.awaiting_agreement'];
const AWAITING_PLANS: SpecimenName[] = ['pw.plan.awaiting_agreement', 'pw.firstYear.awaiting_agreement'];
const ANALYSES: SpecimenName[] = ['pw.analysis.draft', 'pw.analysis.released'];
/** What the employer and the coach read of a Poortwachter document: never the link to its medical part. */
const PW_WORK_FIELDS = [
  '_id', 'clientId', 'caseId', 'kind', 'status', 'authorId', 'content', 'versions', 'employerAgreement',
  'clientAgreement', 'clientComment', 'releasedAt', 'agreedAt', 'createdAt', 'updatedAt',
];
const ROLE_GRANTS: SpecimenName[] = ['roleGrant.others', 'roleGrant.mine', 'roleGrant.forMe', 'roleGrant.privacyOfficer'];
export const HEALTH_SPECIMENS: SpecimenName[] = [...HEALTH_RECORDS, ...HEALTH_DOCUMENTS];

const SELF_PROFILE: Grant = {
  on: ['user.self'], do: ['read'], in: EVERYWHERE,
  fields: ['_id', 'email', 'name', 'roles', 'organisationId', 'clientId', 'mfaEnabled'],
};
const OWN_INBOX: Grant = { on: ['notification.mine'], do: ['read', 'update'], in: EVERYWHERE };
const INTAKE_FIELDS = ['firstName', 'lastName', 'dateOfBirth', 'email', 'phone', 'address', 'employerId', 'trajectory', 'coachId', 'bsn'];
const CLIENT_FIELDS_WITHOUT_BSN = [
  '_id', 'firstName', 'lastName', 'dateOfBirth', 'email', 'phone', 'address', 'employerId', 'coachId',
  'companyDoctorId', 'labourExpertId', 'trajectory', 'bsnMasked', 'restriction', 'restrictionLifted', 'legalHold', 'objections',
  'createdAt', 'updatedAt',
];

export const EXPECTATIONS: Record<Role, Grant[]> = {
  coach: [
    SELF_PROFILE,
    OWN_INBOX,
    { on: ['client'], do: ['create'], in: ASSIGNED, fields: INTAKE_FIELDS },
    { on: ['organisation'], do: ['read'], in: EVERYWHERE, fields: ['_id', 'name', 'kind'] },
    { on: ['client'], do: ['read'], in: COACHING, fields: CLIENT_FIELDS_WITHOUT_BSN },
    { on: ['client'], do: ['update'], in: COACHING,
      fields: ['firstName', 'lastName', 'dateOfBirth', 'email', 'phone', 'address', 'trajectory'] },
    { on: CONSULTS, do: ['create', 'read'], in: COACHING },
    { on: ['consult.draft', 'consult.disputed'], do: ['update'], in: COACHING,
      fields: ['date', 'durationMinutes', 'kind', 'summary'] },
    { on: ['consult.draft', 'consult.disputed'], do: ['send'], in: COACHING },
    { on: ['consult.draft'], do: ['delete'], in: COACHING },
    { on: ['consult.approved'], do: ['update'], in: COACHING, fields: ['addenda'] },
    { on: ACTIVITIES, do: ['create', 'read'], in: COACHING },
    { on: ['activity.mine'], do: ['update', 'delete'], in: COACHING },
    { on: REPORTS, do: ['create', 'read'], in: COACHING },
    { on: ['report.draft'], do: ['update'], in: COACHING,
      fields: ['title', 'periodStart', 'periodEnd', 'text', 'consultIds'] },
    { on: ['report.draft'], do: ['send', 'delete'], in: COACHING },
    { on: DOCUMENTS, do: ['create', 'read'], in: COACHING },
    { on: ['document.mine'], do: ['delete'], in: COACHING },
    { on: [...CONSENTS, 'handover'], do: ['read'], in: COACHING },
    { on: ['handover'], do: ['create'], in: ASSIGNED },
    { on: ['user.coach'], do: ['read'], in: EVERYWHERE, fields: ['_id', 'name'] },
    { on: ['health.fml'], do: ['read'], in: ['consentGiven'],
      fields: ['_id', 'clientId', 'kind', 'format', 'date', 'capacities'] },
    { on: ['sicknessCase'], do: ['create', 'read', 'update', 'export'], in: COACHING },
    { on: PLANS, do: ['create'], in: COACHING },
    { on: [...PLANS, 'pw.analysis.released'], do: ['read'], in: COACHING, fields: PW_WORK_FIELDS },
    { on: ['pw.plan.draft', 'pw.plan.disputed', 'pw.evaluation.draft'], do: ['update', 'send'], in: COACHING },
  ],
  company_doctor: [
    SELF_PROFILE,
    OWN_INBOX,
    { on: ['client'], do: ['read'], in: ASSIGNED },
    { on: [...HEALTH_RECORDS, ...HEALTH_DOCUMENTS], do: ['read'], in: ASSIGNED },
    { on: ['health.fml', 'health.medical_note'], do: ['create'], in: ASSIGNED },
    { on: ['health.medical_note', 'health.medical_note.colleagues'], do: ['export'], in: ASSIGNED },
    // A record is never edited: its own author adds a correction below it (AVG art. 16).
    { on: ['health.fml', 'health.medical_note'], do: ['update'], in: ASSIGNED, fields: ['addenda'] },
    { on: HEALTH_DOCUMENTS, do: ['create'], in: ASSIGNED },
    { on: ['sicknessCase'], do: ['read'], in: ASSIGNED },
    { on: ANALYSES, do: ['create', 'read'], in: ASSIGNED },
    { on: ['pw.analysis.draft'], do: ['update', 'share'], in: ASSIGNED },
    { on: SHOWN_PLANS, do: ['read'], in: ASSIGNED },
  ],
  labour_expert: [
    SELF_PROFILE,
    OWN_INBOX,
    { on: ['client'], do: ['read'], in: ASSIGNED, fields: CLIENT_FIELDS_WITHOUT_BSN },
    { on: ['health.fml', 'health.ad_report'], do: ['read'], in: ASSIGNED },
    { on: ['health.ad_report'], do: ['create'], in: ASSIGNED },
    { on: ['health.ad_report'], do: ['update'], in: ASSIGNED, fields: ['addenda'] },
    { on: ['healthDocument.ad_report'], do: ['read', 'create'], in: ASSIGNED },
  ],
  employer: [
    SELF_PROFILE,
    OWN_INBOX,
    { on: ['client'], do: ['read'], in: ASSIGNED, fields: ['_id', 'firstName', 'lastName', 'employerId', 'trajectory'] },
    // Stored, a report stays `approved`; the standing consent is what shares it (presented as `shared`).
    { on: ['report.approved', 'report.shared'], do: ['read'], in: ['consentGiven'],
      fields: ['_id', 'clientId', 'title', 'periodStart', 'periodEnd', 'text', 'sharedAt'] },
    { on: ['sicknessCase'], do: ['create', 'read', 'update', 'export'], in: ASSIGNED },
    { on: ['pw.analysis.released', ...SHOWN_PLANS], do: ['read'], in: ASSIGNED, fields: PW_WORK_FIELDS },
    { on: AWAITING_PLANS, do: ['approve'], in: ASSIGNED },
  ],
  client: [
    SELF_PROFILE,
    OWN_INBOX,
    { on: ['client'], do: ['read'], in: ASSIGNED },
    { on: ['consult.awaiting_client', 'consult.approved', 'consult.disputed'], do: ['read'], in: ASSIGNED },
    { on: ['consult.awaiting_client'], do: ['approve', 'dispute'], in: ASSIGNED },
    { on: ['report.awaiting_client', 'report.approved', 'report.shared', 'report.withdrawn'], do: ['read'], in: ASSIGNED },
    { on: ['report.awaiting_client'], do: ['approve', 'dispute'], in: ASSIGNED },
    { on: ['report.approved', 'report.withdrawn'], do: ['share'], in: ASSIGNED },
    { on: [...ACTIVITIES, ...DOCUMENTS, ...HEALTH_RECORDS, ...HEALTH_DOCUMENTS, 'handover'], do: ['read'], in: ASSIGNED },
    { on: CONSENTS, do: ['read', 'grant'], in: ASSIGNED },
    { on: ['consent.standing'], do: ['withdraw'], in: ASSIGNED },
    { on: ['auditEvent'], do: ['read'], in: ASSIGNED,
      fields: ['_id', 'seq', 'at', 'action', 'outcome', 'clientId', 'actor', 'object'] },
    { on: ['dataSubjectRequest'], do: ['create', 'read'], in: ASSIGNED },
    { on: ['sicknessCase', 'pw.analysis.released', ...SHOWN_PLANS], do: ['read'], in: ASSIGNED },
    { on: AWAITING_PLANS, do: ['approve', 'dispute'], in: ASSIGNED },
    { on: ['client'], do: ['update'], in: ASSIGNED, fields: ['objections'] },
    { on: ['dataExport'], do: ['create', 'read', 'export'], in: ASSIGNED },
  ],
  privacy_officer: [
    SELF_PROFILE,
    OWN_INBOX,
    { on: ['auditEvent'], do: ['read', 'export', 'verify'], in: EVERYWHERE },
    { on: ['dataSubjectRequest'], do: ['create', 'read', 'update'], in: EVERYWHERE },
    { on: ['client'], do: ['read'], in: EVERYWHERE,
      fields: ['_id', 'firstName', 'lastName', 'dateOfBirth', 'email', 'phone', 'address', 'restriction', 'restrictionLifted', 'legalHold', 'objections'] },
    { on: ['dataExport'], do: ['create', 'read'], in: EVERYWHERE },
    { on: ['client'], do: ['erase', 'restrict', 'hold'], in: EVERYWHERE },
    { on: ['relationRegister'], do: ['read'], in: EVERYWHERE },
    { on: ['retention'], do: ['read', 'execute'], in: EVERYWHERE },
    { on: ['breach'], do: ['create', 'read', 'update'], in: EVERYWHERE },
    { on: ROLE_GRANTS, do: ['read'], in: EVERYWHERE },
    // The second pair of eyes, never on a proposal of their own or for themselves.
    { on: ['roleGrant.others', 'roleGrant.privacyOfficer'], do: ['approve'], in: EVERYWHERE },
  ],
  admin: [
    SELF_PROFILE,
    OWN_INBOX,
    { on: ['user.self', 'user.other', 'user.coach'], do: ['create', 'read'], in: EVERYWHERE,
      fields: ['_id', 'email', 'name', 'roles', 'organisationId', 'clientId', 'disabled', 'mfaEnabled', 'createdAt', 'updatedAt'] },
    { on: ['user.other', 'user.coach'], do: ['update'], in: EVERYWHERE, fields: ['name', 'roles', 'organisationId', 'clientId', 'disabled'] },
    // Separation of duties: never one's own roles, organisation, client link or block state.
    { on: ['user.self'], do: ['update'], in: EVERYWHERE, fields: ['name'] },
    { on: ROLE_GRANTS, do: ['create', 'read'], in: EVERYWHERE },
    { on: ['roleGrant.privacyOfficer'], do: ['approve'], in: EVERYWHERE },
    { on: ['mailMessage'], do: ['read'], in: EVERYWHERE },
    { on: ['organisation'], do: ['create', 'read', 'update'], in: EVERYWHERE },
    { on: ['client'], do: ['create'], in: EVERYWHERE, fields: INTAKE_FIELDS },
    { on: ['client'], do: ['read'], in: EVERYWHERE,
      fields: ['_id', 'firstName', 'lastName', 'employerId', 'coachId', 'companyDoctorId', 'labourExpertId', 'trajectory',
        'createdAt', 'updatedAt'] },
    { on: ['client'], do: ['assign'], in: EVERYWHERE, fields: ['coachId', 'companyDoctorId', 'labourExpertId'] },
    { on: ['handover'], do: ['create', 'read'], in: EVERYWHERE },
    { on: ['relationRegister'], do: ['read'], in: EVERYWHERE },
    { on: ['managementFigures'], do: ['read'], in: EVERYWHERE },
  ],
};

/** Users with several roles: rules add up, but an employer never reaches the health dossier. */
export const ROLE_SETS: Role[][] = [
  ['coach'], ['company_doctor'], ['labour_expert'], ['employer'], ['client'], ['privacy_officer'], ['admin'],
  ['employer', 'company_doctor'], ['employer', 'coach'], ['employer', 'labour_expert'], ['employer', 'client'],
  ['coach', 'company_doctor'],
];

export interface Expected {
  allowed: boolean;
  fields: Set<string>;
}

export function expectedFor(roles: Role[], name: SpecimenName, action: Action, world: World): Expected {
  const type = SPECIMENS[name].type;
  const fields = new Set<string>();
  let allowed = false;
  if (roles.includes('employer') && HEALTH_SPECIMENS.includes(name)) return { allowed, fields };
  // A restricted dossier takes no writes from anyone; the employer no longer reads its reports.
  if (world === 'restricted' && (DOSSIER_SUBJECTS as readonly string[]).includes(type)) {
    if ((WRITE_ACTIONS as readonly string[]).includes(action)) return { allowed, fields };
    if (roles.includes('employer') && type === 'Report' && action === 'read') return { allowed, fields };
  }
  for (const role of roles) {
    for (const grant of EXPECTATIONS[role]) {
      if (!grant.on.includes(name) || !grant.do.includes(action) || !grant.in.includes(world)) continue;
      allowed = true;
      for (const field of grant.fields ?? SUBJECT_FIELDS[type]) fields.add(field);
    }
  }
  return { allowed, fields };
}

export function allGrants(): Grant[] {
  return Object.values(EXPECTATIONS).flat();
}

export { ACTIONS };

/**
 * What the policy speaks about: actions, subject types, and the fields of each subject. Field lists are the
 * closed world: a rule without fields grants all of them, a presenter never lets anything else out.
 */

export const ACTIONS = [
  'create', 'read', 'update', 'delete',
  'send', // to the client for approval
  'approve', 'dispute', // the client's answer to a consult or report
  'share', // a report to the employer, under consent
  'grant', 'withdraw', // consents
  'assign', // who coaches / treats / assesses a client
  'export', // audit log, data-subject access
  'verify', // the audit chain
  'execute', // a retention run
  'erase', // a client, by crypto-shredding (AVG art. 17)
  'restrict', // set or lift a restriction of processing (AVG art. 18)
  'hold', // place or lift a legal hold (bewaarplicht): no retention expiry or erasure while it stands
] as const;
export type Action = (typeof ACTIONS)[number];

/** Subjects of the health dossier (bijzonder dossier): the employer ban covers exactly these. */
export const HEALTH_SUBJECTS = ['HealthRecord', 'HealthDocument'] as const;

export const SUBJECT_FIELDS = {
  Client: [
    '_id', 'firstName', 'lastName', 'dateOfBirth', 'email', 'phone', 'address', 'employerId',
    'coachId', 'companyDoctorId', 'labourExpertId', 'trajectory', 'bsn', 'bsnMasked', 'restriction', 'restrictionLifted',
    'legalHold', 'objections', 'createdAt', 'updatedAt',
  ],
  Consult: [
    '_id', 'clientId', 'coachId', 'date', 'durationMinutes', 'kind', 'summary', 'status', 'clientComment',
    'revisions', 'addenda', 'approvedAt', 'createdAt', 'updatedAt',
  ],
  Activity: ['_id', 'clientId', 'authorId', 'date', 'kind', 'minutes', 'note', 'createdAt', 'updatedAt'],
  Report: [
    '_id', 'clientId', 'coachId', 'title', 'periodStart', 'periodEnd', 'text', 'consultIds', 'status',
    'clientComment', 'approvedAt', 'sharedAt', 'withdrawnAt', 'shares', 'createdAt', 'updatedAt', 'wordingReview',
  ],
  // The stored file's internal id (`fileId`) is no field of the policy's world: it never leaves the server.
  Document: ['_id', 'clientId', 'uploadedBy', 'category', 'filename', 'contentType', 'size', 'createdAt'],
  HealthRecord: [
    '_id', 'clientId', 'kind', 'format', 'authorId', 'date', 'capacities', 'barSections', 'conclusion',
    'explanation', 'adAnswers', 'text', 'firstSickDay', 'documentId', 'addenda', 'createdAt',
  ],
  HealthDocument: [
    '_id', 'clientId', 'uploadedBy', 'category', 'healthRecordId', 'filename', 'contentType', 'size', 'createdAt',
  ],
  /** A sickness case (verzuimdossier, Wet verbetering poortwachter): dates the employer knows, nothing medical. */
  SicknessCase: [
    '_id', 'clientId', 'firstSickDay', 'reportedBy', 'reportedOn', 'status', 'recoveries', 'extensions', 'corrections',
    'milestones', 'createdBy', 'createdAt', 'updatedAt',
  ],
  /** Probleemanalyse advice, plan van aanpak, its evaluations, eerstejaarsevaluatie: process dossier, work terms only. */
  PoortwachterDocument: [
    '_id', 'clientId', 'caseId', 'kind', 'status', 'authorId', 'content', 'versions', 'medicalNoteId', 'employerAgreement',
    'clientAgreement', 'clientComment', 'releasedAt', 'agreedAt', 'createdAt', 'updatedAt',
  ],
  Consent: [
    '_id', 'clientId', 'purpose', 'reportId', 'handoverId', 'text', 'grantedBy', 'grantedAt', 'withdrawnAt',
    'includesCapacities',
  ],
  Handover: [
    '_id', 'clientId', 'fromCoachId', 'toCoachId', 'validFrom', 'validUntil', 'firstDay', 'lastDay', 'state', 'reason',
    'createdBy', 'createdAt',
  ],
  AuditEvent: ['_id', 'seq', 'at', 'action', 'outcome', 'reason', 'clientId', 'actor', 'accessPoint', 'object', 'prevHash', 'hash'],
  DataSubjectRequest: [
    '_id', 'clientId', 'kind', 'channel', 'filedBy', 'receivedAt', 'dueAt', 'originalDueAt', 'status', 'description',
    'identityCheck', 'extension', 'resolution', 'answeredAt', 'handledBy', 'createdAt', 'updatedAt',
    // Worked out when read: how urgent it is today, and (in the officer's queue) whose request it is.
    'urgency', 'clientName',
  ],
  /** One export of a client's whole dossier (AVG art. 15, 20): the job and its progress, never its content. */
  DataExport: [
    '_id', 'clientId', 'requestId', 'requestedBy', 'status', 'progress', 'size', 'readyAt', 'expiresAt', 'error', 'createdAt',
  ],
  User: [
    '_id', 'email', 'name', 'roles', 'organisationId', 'clientId', 'disabled', 'mfaEnabled', 'passwordHash',
    'totpSecret', 'recoveryCodes', 'createdAt', 'updatedAt',
  ],
  Organisation: ['_id', 'name', 'kind', 'createdAt', 'updatedAt'],
  /** A proposed role or client link, waiting for a second person (four-eyes, NEN 7510). */
  RoleGrant: ['_id', 'userId', 'kind', 'role', 'clientId', 'status', 'proposedBy', 'proposedAt', 'decidedBy', 'decidedAt'],
  /** A line in one's own inbox: that something waits, where; no content. */
  Notification: ['_id', 'userId', 'kind', 'path', 'readAt', 'createdAt'],
  /** The mail queue as the administrator sees it: never a body (it may hold a one-time link). */
  MailMessage: ['_id', 'to', 'kind', 'subject', 'status', 'attempts', 'nextAttemptAt', 'lastError', 'sentAt', 'createdAt'],
  /** Relatiebeheer (Privacyreglement Re-integratieonderwijs.nl art. 6.4): per employer only client names, service kind and year. */
  RelationRegister: ['employerName', 'clientName', 'trajectoryKind', 'year'],
  /** Management information (managementinformatie): anonymous figures, only for groups of at least five clients. */
  ManagementFigures: ['year', 'minGroup', 'tables'],
  /** A retention run (bewaartermijnen): its dry-run report and its outcome. */
  Retention: ['category', 'rule', 'legalBasis', 'candidates', 'erased', 'dryRun', 'ranAt'],
  /** Breach signals raised from the audit stream and the breach register (AVG art. 33/34): ids, no dossier content. */
  Breach: [
    '_id', 'rule', 'userId', 'clientId', 'firstSeq', 'at', 'count', 'detectedAt', 'description', 'assessment', 'apNotifiedAt',
    'clientsNotifiedAt', 'signalIds', 'recordedBy', 'createdAt', 'updatedAt',
  ],
} as const satisfies Record<string, readonly string[]>;

export type SubjectType = keyof typeof SUBJECT_FIELDS;
export const SUBJECT_TYPES = Object.keys(SUBJECT_FIELDS) as SubjectType[];
export type FieldOf<S extends SubjectType> = (typeof SUBJECT_FIELDS)[S][number];

/** The dossier's subjects: a restriction of processing (AVG art. 18) stops every write to them. */
export const DOSSIER_SUBJECTS = [
  'Client', 'Consult', 'Activity', 'Report', 'Document', 'Consent', 'Handover', 'HealthRecord', 'HealthDocument',
  'SicknessCase', 'PoortwachterDocument',
] as const;
/** What a restriction stops: every change. Reading, exporting and withdrawing a consent (less processing) go on. */
export const WRITE_ACTIONS = ['create', 'update', 'delete', 'send', 'approve', 'dispute', 'share', 'grant', 'assign'] as const;

/** Which compartment a subject lives in (audit events record it). */
export function compartmentOf(subjectType: SubjectType): 'process' | 'health' | 'system' {
  if ((HEALTH_SUBJECTS as readonly string[]).includes(subjectType)) return 'health';
  if (['Client', 'Consult', 'Activity', 'Report', 'Document', 'Consent', 'Handover', 'SicknessCase', 'PoortwachterDocument']
    .includes(subjectType)) return 'process';
  return 'system';
}

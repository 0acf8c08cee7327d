/**
 * Progress reports (voortgangsrapportages) for the employer (seed 004 §5.1, seed 003 art. 5): composed by the
 * coach from approved consults, checked by the medical-wording guard, approved by the client, and shared only by
 * the client's consent to sharing this one report.
 */
import mongoose, { Types } from 'mongoose';
import { CONSENT_TEXTS } from '../../../../shared/src/consentTexts';
import type { ReportStatus } from '../../../../shared/src/domain';
import { findMedicalWording } from '../../../../shared/src/medicalWording';
import type { CreateReportBody, ReportParams, UpdateReportBody } from '../../../../shared/src/schemas/reports';
import { Lock } from '../../crypto/envelope';
import { Client } from '../../db/models/client';
import { Organisation } from '../../db/models/organisation';
import { guardedUpdate } from '../../db/guardedUpdate';
import { conflict, unprocessable } from '../../http/problem';
import { auditAccess, authorize, enterClient, findScoped, listScoped, requireSomeRight, type RequestActor } from '../../policy/enforce';
import * as consults from '../consults/service';
import * as consents from '../consents/service';
import { Report, REPORT_WORKFLOW, type ReportData } from './model';
import { notify } from '../notifications/service';

type ReportDocument = ReportData & { _id: Types.ObjectId };
const record = (id: unknown) => `Report:${String(id)}`;

function reveal(lock: Lock, report: { toObject(): unknown }) {
  const plain = report.toObject() as ReportDocument;
  const at = record(plain._id);
  return {
    ...plain,
    title: lock.open(plain.title, at, 'title'),
    text: lock.open(plain.text, at, 'text'),
    clientComment: lock.open(plain.clientComment, at, 'clientComment'),
  };
}

async function revealed(clientId: string, reportId: Types.ObjectId | string) {
  return reveal(await Lock.for(clientId, 'process'), (await Report.findById(reportId))!);
}

/** The medical-wording flags of a report's employer-facing text (title and body). */
export function wordingFlags(title: string, text: string) {
  return [
    ...findMedicalWording(title).map((flag) => ({ ...flag, field: 'title' })),
    ...findMedicalWording(text).map((flag) => ({ ...flag, field: 'text' })),
  ];
}

export async function list(actor: RequestActor, clientId: string) {
  await enterClient(actor, clientId, 'read', 'Report');
  const reports = await listScoped(actor, 'read', Report, { clientId }, { sort: { periodEnd: -1, createdAt: -1 } });
  const lock = await Lock.for(clientId, 'process');
  return reports.map((report) => reveal(lock, report));
}

export async function get(actor: RequestActor, { clientId, reportId }: ReportParams) {
  const report = await findScoped(actor, 'read', Report, { _id: reportId, clientId });
  return reveal(await Lock.for(clientId, 'process'), report);
}

/**
 * Shared reports of these clients that the actor may read — for the employer, those whose consent still stands —
 * newest first, decrypted (the employer portal's list).
 */
export async function listShared(actor: RequestActor, clientIds: string[]) {
  const reports = await listScoped(actor, 'read', Report,
    { clientId: mongoose.trusted({ $in: clientIds }), status: 'shared' }, { sort: { sharedAt: -1 } });
  const revealed = [];
  for (const report of reports) revealed.push(reveal(await Lock.for(report.clientId, 'process'), report));
  return revealed;
}

/** The composer's live check, before anything is saved: the same guard that blocks sending. */
export async function checkWording(actor: RequestActor, clientId: string, text: string) {
  await enterClient(actor, clientId, 'create', 'Report');
  return { flags: findMedicalWording(text) };
}

export async function create(actor: RequestActor, clientId: string, body: CreateReportBody) {
  await enterClient(actor, clientId, 'create', 'Report');
  const _id = new Types.ObjectId();
  const candidate = { _id, clientId, coachId: actor.userId, status: 'draft', ...body };
  await authorize(actor, 'create', 'Report', candidate);
  await assertApprovedConsults(clientId, body.consultIds);
  const lock = await Lock.for(clientId, 'process');
  await Report.create({ ...candidate, title: lock.seal(body.title, record(_id), 'title'), text: lock.seal(body.text, record(_id), 'text') });
  await auditAccess(actor, 'create', 'Report', { id: String(_id), clientId, outcome: 'allowed' });
  return revealed(clientId, _id);
}

export async function update(actor: RequestActor, { clientId, reportId }: ReportParams, body: UpdateReportBody) {
  const report = await findScoped(actor, 'read', Report, { _id: reportId, clientId }, { recordRead: false });
  await requireSomeRight(actor, 'update', 'Report', clientId);
  assertStep(report.status, ['draft'], 'Alleen een concept kan worden aangepast.');
  for (const field of Object.keys(body)) await authorize(actor, 'update', 'Report', report, field);
  const periodStart = body.periodStart ?? report.periodStart;
  const periodEnd = body.periodEnd ?? report.periodEnd;
  if (periodEnd < periodStart) throw conflict('Het einde van de periode ligt vóór het begin.');
  if (body.consultIds) await assertApprovedConsults(clientId, body.consultIds);
  const lock = await Lock.for(clientId, 'process');
  const { title, text, ...rest } = body;
  await guardedUpdate(Report, report._id, ['draft'], {
    $set: {
      ...rest,
      ...(title !== undefined ? { title: lock.seal(title, record(report._id), 'title') } : {}),
      ...(text !== undefined ? { text: lock.seal(text, record(report._id), 'text') } : {}),
    },
  });
  await auditAccess(actor, 'update', 'Report', { id: reportId, clientId, outcome: 'allowed', reason: `changed ${Object.keys(body).join(', ')}` });
  return revealed(clientId, report._id);
}

/**
 * The coach sends the draft to the client. Not while the medical-wording guard flags anything: employer-facing
 * text names no diagnosis, treatment or practitioner, not even with consent (AP, KNMG).
 */
export async function send(actor: RequestActor, { clientId, reportId }: ReportParams) {
  const report = await findScoped(actor, 'read', Report, { _id: reportId, clientId }, { recordRead: false });
  await requireSomeRight(actor, 'send', 'Report', clientId);
  const { from, to } = REPORT_WORKFLOW.send;
  assertStep(report.status, from, 'Alleen een concept kan naar de cliënt worden gestuurd.');
  await authorize(actor, 'send', 'Report', report);
  const { title, text } = reveal(await Lock.for(clientId, 'process'), report);
  const flags = wordingFlags(title, text);
  if (flags.length > 0) {
    throw unprocessable('medical-wording',
      `De rapportage bevat ${flags.length === 1 ? 'een medische term' : `${flags.length} medische termen`} ` +
      `(${[...new Set(flags.map((flag) => flag.term))].join(', ')}). Formuleer deze in termen van belastbaarheid en stuur opnieuw.`,
      { flags });
  }
  await guardedUpdate(Report, report._id, from, { $set: { status: to, clientComment: null } });
  await auditAccess(actor, 'send', 'Report', { id: reportId, clientId, outcome: 'allowed' });
  await notify('report_waiting', clientId);
  return revealed(clientId, report._id);
}

/** The client agrees with the report's content (sharing is a separate decision). */
export async function approve(actor: RequestActor, { clientId, reportId }: ReportParams) {
  const report = await findScoped(actor, 'read', Report, { _id: reportId, clientId }, { recordRead: false });
  await requireSomeRight(actor, 'approve', 'Report', clientId);
  const { from, to } = REPORT_WORKFLOW.approve;
  assertStep(report.status, from, 'Deze rapportage wacht niet op uw goedkeuring.');
  await authorize(actor, 'approve', 'Report', report);
  await guardedUpdate(Report, report._id, from, { $set: { status: to, approvedAt: new Date() } });
  await auditAccess(actor, 'approve', 'Report', { id: reportId, clientId, outcome: 'allowed' });
  return revealed(clientId, report._id);
}

/** The client disagrees: the report goes back to the coach as a draft, with the client's comment. */
export async function dispute(actor: RequestActor, { clientId, reportId }: ReportParams, comment: string) {
  const report = await findScoped(actor, 'read', Report, { _id: reportId, clientId }, { recordRead: false });
  await requireSomeRight(actor, 'dispute', 'Report', clientId);
  const { from, to } = REPORT_WORKFLOW.dispute;
  assertStep(report.status, from, 'Deze rapportage wacht niet op uw reactie.');
  await authorize(actor, 'dispute', 'Report', report);
  const lock = await Lock.for(clientId, 'process');
  await guardedUpdate(Report, report._id, from, { $set: { status: to, clientComment: lock.seal(comment, record(report._id), 'clientComment') } });
  await auditAccess(actor, 'dispute', 'Report', { id: reportId, clientId, outcome: 'allowed' });
  await notify('report_disputed', clientId);
}

/** The exact consent text the client will agree to when sharing this report (shown before asking). */
export async function consentText(actor: RequestActor, { clientId, reportId }: ReportParams) {
  const report = await findScoped(actor, 'read', Report, { _id: reportId, clientId }, { recordRead: false });
  await requireSomeRight(actor, 'share', 'Report', clientId);
  const employer = await employerOf(clientId);
  const { title } = reveal(await Lock.for(clientId, 'process'), report);
  return { text: CONSENT_TEXTS.reportShare(title, employer.name) };
}

async function employerOf(clientId: string) {
  const client = await Client.findById(clientId, { employerId: 1 }).lean();
  const employer = client?.employerId ? await Organisation.findById(client.employerId, { name: 1 }).lean() : null;
  if (!employer) throw conflict('Er is geen werkgever bekend om deze rapportage mee te delen.');
  return employer;
}

/**
 * The client consents to sharing this approved report with their employer. The consent records the exact text
 * the client agreed to; the employer reads the report only while it stands (seed 003 art. 5.1).
 */
export async function share(actor: RequestActor, { clientId, reportId }: ReportParams) {
  const report = await findScoped(actor, 'read', Report, { _id: reportId, clientId }, { recordRead: false });
  await requireSomeRight(actor, 'share', 'Report', clientId);
  const { from, to } = REPORT_WORKFLOW.share;
  assertStep(report.status, from, report.status === 'shared'
    ? 'Deze rapportage is al gedeeld. Na intrekken kan de coach een nieuwe rapportage opstellen.'
    : 'Alleen een goedgekeurde rapportage kan worden gedeeld.');
  await authorize(actor, 'share', 'Report', report);
  const employer = await employerOf(clientId);
  const { title } = reveal(await Lock.for(clientId, 'process'), report);
  const consent = await consents.record(actor, {
    clientId, purpose: 'report.share', reportId, text: CONSENT_TEXTS.reportShare(title, employer.name),
  });
  try {
    await guardedUpdate(Report, report._id, from, { $set: { status: to, sharedAt: new Date() } });
  } catch (error) {
    // No transactions: undo the consent so no consent stands for a report that was not shared.
    await consents.discardUnused(consent._id);
    throw error;
  }
  await auditAccess(actor, 'share', 'Report', { id: reportId, clientId, outcome: 'allowed', reason: `consent ${String(consent._id)}` });
  await notify('report_shared', clientId);
  return revealed(clientId, report._id);
}

export async function remove(actor: RequestActor, { clientId, reportId }: ReportParams) {
  const report = await findScoped(actor, 'read', Report, { _id: reportId, clientId }, { recordRead: false });
  await requireSomeRight(actor, 'delete', 'Report', clientId);
  assertStep(report.status, ['draft'], 'Alleen een concept kan worden verwijderd.');
  await authorize(actor, 'delete', 'Report', report);
  const result = await Report.deleteOne({ _id: report._id, status: 'draft' });
  if (result.deletedCount === 0) throw conflict('Deze rapportage is intussen gewijzigd. Vernieuw de pagina.');
  await auditAccess(actor, 'delete', 'Report', { id: reportId, clientId, outcome: 'allowed' });
}

/** Only approved consults feed a report: what the client has not confirmed does not reach the employer. */
async function assertApprovedConsults(clientId: string, consultIds: string[]) {
  if (consultIds.length === 0) return;
  const approved = await consults.countApproved(clientId, consultIds);
  if (approved !== new Set(consultIds).size) {
    throw conflict('Een rapportage kan alleen steunen op gespreksverslagen die de cliënt heeft goedgekeurd.');
  }
}

function assertStep(current: string, from: readonly ReportStatus[], message: string): void {
  if (!(from as readonly string[]).includes(current)) throw conflict(message);
}

/**
 * Progress reports (voortgangsrapportages) for the employer (Privacyreglement Re-integratieonderwijs.nl art. 5.1, Privacyreglement RndomWerk art. 5): composed by the
 * coach from approved consults, checked by the medical-wording guard, approved by the client, and shared only by
 * the client's consent to sharing this one report.
 */
import mongoose, { Types } from 'mongoose';
import { CONSENT_TEXTS } from '@spoorboek/shared/consentTexts';
import type { ReportStatus } from '@spoorboek/shared/domain';
import { checkWording as findMedicalWording } from '@spoorboek/shared/medicalWording';
import type { CreateReportBody, ReportParams, UpdateReportBody, WordingCheckBody } from '@spoorboek/shared/schemas/reports';
import { Client } from '../../db/models/client';
import { Organisation } from '../../db/models/organisation';
import { guardedDelete, guardedUpdate } from '../../db/guardedUpdate';
import { conflict, forbidden, unprocessable } from '../../http/problem';
import { auditAccess, authorize, enterClient, findScoped, listScoped, present, requireSomeRight, type RequestActor } from '../../policy/enforce';
import * as consults from '../consults/service';
import * as consents from '../consents/service';
import { Report, REPORT_WORKFLOW, sealedReport, type ReportData } from './model';
import { notify } from '../notifications/service';
import { changed } from '../privacy/reasons';

type ReportDocument = ReportData & { _id: Types.ObjectId };

type RevealedReport = ReturnType<typeof withReview>;

/** An opened report, marked when it was sent before the guard knew these words: the coach checks it again, the employer no longer reads it. */
function withReview(plain: ReportDocument) {
  return { ...plain, wordingReview: plain.status !== 'draft' && wordingFlags(plain.title, plain.text).length > 0 };
}

/** The report with its texts opened. */
const openReport = async (report: object) => withReview(await sealedReport.open(report));

/**
 * A report sent before the guard knew its words, and flagged now, is not served to a reader who may not see the
 * review mark (the employer's view): nothing medical reaches the employer, also not from before the guard.
 */
function withheld(actor: RequestActor, report: { wordingReview: boolean }): boolean {
  return report.wordingReview && !('wordingReview' in present(actor, 'Report', report));
}

async function revealed(clientId: string, reportId: Types.ObjectId | string) {
  const [report] = await withSharing([await openReport((await Report.findOne({ _id: reportId, clientId }))!)]);
  return report!;
}

/** Stored statuses from which the client's consents decide whether a report is shared (`shared` is legacy). */
const SHAREABLE: readonly string[] = ['approved', 'shared'];

/**
 * Whether an approved report is shared is the client's consent, not a second copy of it on the report: it is
 * `shared` while a consent to share it stands, `withdrawn` once the last one was withdrawn, `approved` before it
 * was ever shared. One source of truth means a parallel share and withdrawal cannot leave the report and the
 * consent disagreeing, and the employer loses the report the moment the consent goes. `shares` is the history,
 * every grant and withdrawal with its date (AVG art. 7(3): withdrawal is not retroactive, and stays on record).
 */
async function withSharing(reports: RevealedReport[]) {
  const shareable = reports.filter((report) => SHAREABLE.includes(report.status));
  const history = await consents.reportShareHistory(shareable);
  return reports.map((report) => {
    if (!SHAREABLE.includes(report.status)) return { ...report, withdrawnAt: null, shares: [] };
    const shares = history
      .filter((consent) => String(consent.reportId) === String(report._id))
      .map((consent) => ({ consentId: consent._id, sharedAt: consent.grantedAt, withdrawnAt: consent.withdrawnAt ?? null }));
    const standing = shares.find((entry) => !entry.withdrawnAt);
    const last = shares.at(-1);
    return {
      ...report,
      status: (standing ? 'shared' : last ? 'withdrawn' : 'approved') as ReportStatus,
      sharedAt: standing?.sharedAt ?? last?.sharedAt ?? null,
      withdrawnAt: standing ? null : (last?.withdrawnAt ?? null),
      shares,
    };
  });
}

/** The medical-wording flags of a report's employer-facing text (title and body), one per sentence and category. */
export function wordingFlags(title: string, text: string) {
  return [
    ...findMedicalWording(title).map((flag) => ({ field: 'title' as const, ...flag })),
    ...findMedicalWording(text).map((flag) => ({ field: 'text' as const, ...flag })),
  ];
}

/** The 422 that stops employer-facing text with medical wording in it, naming the sentences' categories. */
function medicalWording(flags: ReturnType<typeof wordingFlags>, detail: string) {
  const labels = [...new Set(flags.map((flag) => flag.label.toLowerCase()))].join('; ');
  const sentences = new Set(flags.map((flag) => `${flag.field}:${flag.sentenceIndex}`)).size;
  return unprocessable('medical-wording',
    `${sentences === 1 ? 'Eén zin' : `${sentences} zinnen`} in de rapportage ${sentences === 1 ? 'gaat' : 'gaan'} over de gezondheid (${labels}). ${detail}`,
    { flags });
}

export async function list(actor: RequestActor, clientId: string) {
  await enterClient(actor, clientId, 'read', 'Report');
  const reports = await listScoped(actor, 'read', Report, { clientId }, { sort: { periodEnd: -1, createdAt: -1 } });
  return (await withSharing((await sealedReport.openAll(reports)).map(withReview))).filter((report) => !withheld(actor, report));
}

export async function get(actor: RequestActor, { clientId, reportId }: ReportParams) {
  const report = await findScoped(actor, 'read', Report, { _id: reportId, clientId });
  const [view] = await withSharing([await openReport(report)]);
  if (withheld(actor, view!)) {
    await auditAccess(actor, 'read', 'Report', { id: reportId, clientId, outcome: 'denied', reason: 'medische woorden worden nagekeken' });
    throw forbidden('Deze rapportage wordt opnieuw gecontroleerd en is nu niet in te zien.');
  }
  return view!;
}

/**
 * Shared reports of these clients that the actor may read — for the employer, those whose consent still stands —
 * newest first, decrypted (the employer portal's list).
 */
export async function listShared(actor: RequestActor, clientIds: string[]) {
  const reports = await listScoped(actor, 'read', Report,
    { clientId: mongoose.trusted({ $in: clientIds }), status: mongoose.trusted({ $in: [...SHAREABLE] }) });
  const views = (await withSharing((await sealedReport.openAll(reports)).map(withReview))).filter((report) => report.status === 'shared' && !withheld(actor, report));
  return views.sort((a, b) => (b.sharedAt?.getTime() ?? 0) - (a.sharedAt?.getTime() ?? 0));
}

/** The composer's live check, before anything is saved: the same guard that blocks sending and sharing. */
export async function checkWording(actor: RequestActor, clientId: string, { title = '', text }: WordingCheckBody) {
  await enterClient(actor, clientId, 'create', 'Report');
  return { flags: wordingFlags(title, text) };
}

export async function create(actor: RequestActor, clientId: string, body: CreateReportBody) {
  await enterClient(actor, clientId, 'create', 'Report');
  const _id = new Types.ObjectId();
  const candidate = { _id, clientId, coachId: actor.userId, status: 'draft', ...body };
  await authorize(actor, 'create', 'Report', candidate);
  await assertApprovedConsults(clientId, body.consultIds);
  await Report.create(await sealedReport.seal(candidate));
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
  await guardedUpdate(Report, report, 'update', await sealedReport.sealUpdate(report, { $set: { ...body } }));
  await auditAccess(actor, 'update', 'Report', { id: reportId, clientId, outcome: 'allowed', reason: changed(Object.keys(body)) });
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
  const { title, text } = await sealedReport.open(report);
  const flags = wordingFlags(title, text);
  if (flags.length > 0) throw medicalWording(flags, 'Herschrijf deze in werktermen en stuur opnieuw.');
  await guardedUpdate(Report, report, 'send', { $set: { status: to, clientComment: null } });
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
  await guardedUpdate(Report, report, 'approve', { $set: { status: to, approvedAt: new Date() } });
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
  await guardedUpdate(Report, report, 'dispute', await sealedReport.sealUpdate(report, { $set: { status: to, clientComment: comment } }));
  await auditAccess(actor, 'dispute', 'Report', { id: reportId, clientId, outcome: 'allowed' });
  await notify('report_disputed', clientId);
}

/** The exact consent text the client will agree to when sharing this report (shown before asking). */
export async function consentText(actor: RequestActor, { clientId, reportId }: ReportParams) {
  const report = await findScoped(actor, 'read', Report, { _id: reportId, clientId }, { recordRead: false });
  await requireSomeRight(actor, 'share', 'Report', clientId);
  const employer = await employerOf(clientId);
  const { title } = await sealedReport.open(report);
  return { text: CONSENT_TEXTS.reportShare(title, employer.name) };
}

async function employerOf(clientId: string) {
  const client = await Client.findById(clientId, { employerId: 1 }).lean();
  const employer = client?.employerId ? await Organisation.findById(client.employerId, { name: 1 }).lean() : null;
  if (!employer) throw conflict('Er is geen werkgever bekend om deze rapportage mee te delen.');
  return employer;
}

/**
 * The client consents to sharing this approved report with their employer — for the first time, or again after
 * withdrawing. The consent records the exact text the client agreed to; the employer reads the report only while
 * it stands (Privacyreglement RndomWerk art. 5.1). The consent is the share: one insert, which the standing slot's unique index
 * lets through once however many requests race.
 */
export async function share(actor: RequestActor, { clientId, reportId }: ReportParams) {
  const report = await findScoped(actor, 'read', Report, { _id: reportId, clientId }, { recordRead: false });
  await requireSomeRight(actor, 'share', 'Report', clientId);
  const [current] = await withSharing([await openReport(report)]);
  const { from } = REPORT_WORKFLOW.share;
  assertStep(current!.status, from, current!.status === 'shared'
    ? 'Deze rapportage is al gedeeld.'
    : 'Alleen een goedgekeurde rapportage kan worden gedeeld.');
  await authorize(actor, 'share', 'Report', current);
  const employer = await employerOf(clientId);
  const { title, text } = current!;
  // Checked again at the last door: a report approved before the guard knew its words is not shared.
  const flags = wordingFlags(title, text);
  if (flags.length > 0) throw medicalWording(flags, 'Daarom wordt zij niet gedeeld; uw coach stelt een nieuwe rapportage op.');
  await consents.record(actor, {
    clientId, purpose: 'report.share', reportId, text: CONSENT_TEXTS.reportShare(title, employer.name),
  }, 'Deze rapportage is al gedeeld.');
  await auditAccess(actor, 'share', 'Report', { id: reportId, clientId, outcome: 'allowed', reason: 'met toestemming van de cliënt' });
  await notify('report_shared', clientId);
  return revealed(clientId, report._id);
}

export async function remove(actor: RequestActor, { clientId, reportId }: ReportParams) {
  const report = await findScoped(actor, 'read', Report, { _id: reportId, clientId }, { recordRead: false });
  await requireSomeRight(actor, 'delete', 'Report', clientId);
  assertStep(report.status, ['draft'], 'Alleen een concept kan worden verwijderd.');
  await authorize(actor, 'delete', 'Report', report);
  await guardedDelete(Report, report, 'delete');
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

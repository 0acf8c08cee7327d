/**
 * Progress reports (voortgangsrapportages) for the employer (Privacyreglement Re-integratieonderwijs.nl art. 5.1, Privacyreglement RndomWerk art. 5): composed by the
 * coach from approved consults, checked by the medical-wording guard, approved by the client, and shared only by
 * the client's consent to sharing this one report.
 */
import mongoose, { Types } from 'mongoose';
import { CONSENT_TEXTS } from '@spoorboek/shared/consentTexts';
import type { ReportStatus } from '@spoorboek/shared/domain';
import type { Action } from '@spoorboek/shared/policy/subjects';
import { checkWording as findMedicalWording } from '@spoorboek/shared/medicalWording';
import type { CreateReportBody, ReportParams, UpdateReportBody, WordingCheckBody } from '@spoorboek/shared/schemas/reports';
import { Client } from '../../db/models/client';
import { Organisation } from '../../db/models/organisation';
import { conflict, forbidden, notFound, unprocessable } from '../../http/problem';
import { auditAccess, authorize, enterClient, findScoped, listScoped, present, type RequestActor } from '../../policy/enforce';
import { findForStep, runStep } from '../../policy/workflowStep';
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

/** The report as it now stands, revealed, with its sharing. */
async function revealed(report: object) {
  const [view] = await withSharing([await openReport(report)]);
  return view!;
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
  const opened = (await sealedReport.openAll(reports)).map(withReview);
  const views = (await withSharing(opened)).filter((report) => report.status === 'shared' && !withheld(actor, report));
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
  return revealed(await Report.findOne({ _id, clientId }).orFail(() => notFound()));
}

/** Where a report's step applies: the report of this client, for this action. */
const reportStep = (action: Action, { clientId, reportId }: ReportParams) => ({ model: Report, where: { clientId, _id: reportId }, action });

export async function update(actor: RequestActor, params: ReportParams, body: UpdateReportBody) {
  const { clientId } = params;
  const report = await runStep(actor, {
    ...reportStep('update', params),
    from: ['draft'],
    conflictMessage: 'Alleen een concept kan worden aangepast.',
    fields: Object.keys(body),
    check: async (current) => {
      const periodStart = body.periodStart ?? current.periodStart;
      const periodEnd = body.periodEnd ?? current.periodEnd;
      if (periodEnd < periodStart) throw conflict('Het einde van de periode ligt vóór het begin.');
      if (body.consultIds) await assertApprovedConsults(clientId, body.consultIds);
    },
    update: (current) => sealedReport.sealUpdate(current, { $set: body }),
    reason: changed(Object.keys(body)),
  });
  return revealed(report);
}

/**
 * The coach sends the draft to the client. Not while the medical-wording guard flags anything: employer-facing
 * text names no diagnosis, treatment or practitioner, not even with consent (AP, KNMG).
 */
export async function send(actor: RequestActor, params: ReportParams) {
  const { clientId } = params;
  const { from, to } = REPORT_WORKFLOW.send;
  const report = await runStep(actor, {
    ...reportStep('send', params),
    from,
    conflictMessage: 'Alleen een concept kan naar de cliënt worden gestuurd.',
    check: async (current) => {
      const { title, text } = await sealedReport.open(current);
      const flags = wordingFlags(title, text);
      if (flags.length > 0) throw medicalWording(flags, 'Herschrijf deze in werktermen en stuur opnieuw.');
    },
    update: () => ({ $set: { status: to, clientComment: null } }),
  });
  await notify('report_waiting', clientId);
  return revealed(report);
}

/** The client agrees with the report's content (sharing is a separate decision). */
export async function approve(actor: RequestActor, params: ReportParams) {
  const { from, to } = REPORT_WORKFLOW.approve;
  const report = await runStep(actor, {
    ...reportStep('approve', params),
    from,
    conflictMessage: 'Deze rapportage wacht niet op uw goedkeuring.',
    update: () => ({ $set: { status: to, approvedAt: new Date() } }),
  });
  return revealed(report);
}

/** The client disagrees: the report goes back to the coach as a draft, with the client's comment. */
export async function dispute(actor: RequestActor, params: ReportParams, comment: string) {
  const { from, to } = REPORT_WORKFLOW.dispute;
  await runStep(actor, {
    ...reportStep('dispute', params),
    from,
    conflictMessage: 'Deze rapportage wacht niet op uw reactie.',
    update: (current) => sealedReport.sealUpdate(current, { $set: { status: to, clientComment: comment } }),
    answer: false,
  });
  await notify('report_disputed', params.clientId);
}

/** The exact consent text the client will agree to when sharing this report (shown before asking). */
export async function consentText(actor: RequestActor, params: ReportParams) {
  const report = await findForStep(actor, reportStep('share', params));
  const employer = await employerOf(params.clientId);
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
export async function share(actor: RequestActor, params: ReportParams) {
  const { clientId, reportId } = params;
  const report = await runStep(actor, {
    ...reportStep('share', params),
    // Judged as the client's consents have it (shared, withdrawn or approved), not as stored.
    view: async (stored) => (await withSharing([await openReport(stored)]))[0]!,
    from: REPORT_WORKFLOW.share.from,
    conflictMessage: ({ status }) => status === 'shared' ? 'Deze rapportage is al gedeeld.' : 'Alleen een goedgekeurde rapportage kan worden gedeeld.',
    commit: async ({ title, text }) => {
      const employer = await employerOf(clientId);
      // Checked again at the last door: a report approved before the guard knew its words is not shared.
      const flags = wordingFlags(title, text);
      if (flags.length > 0) throw medicalWording(flags, 'Daarom wordt zij niet gedeeld; uw coach stelt een nieuwe rapportage op.');
      await consents.record(actor, {
        clientId, purpose: 'report.share', reportId, text: CONSENT_TEXTS.reportShare(title, employer.name),
      }, 'Deze rapportage is al gedeeld.');
    },
    reason: 'met toestemming van de cliënt',
  });
  await notify('report_shared', clientId);
  return revealed(report);
}

export async function remove(actor: RequestActor, params: ReportParams) {
  await runStep(actor, {
    ...reportStep('delete', params),
    from: ['draft'],
    conflictMessage: 'Alleen een concept kan worden verwijderd.',
    remove: true,
  });
}

/** Only approved consults feed a report: what the client has not confirmed does not reach the employer. */
async function assertApprovedConsults(clientId: string, consultIds: string[]) {
  if (consultIds.length === 0) return;
  const approved = await consults.countApproved(clientId, consultIds);
  if (approved !== new Set(consultIds).size) {
    throw conflict('Een rapportage kan alleen steunen op gespreksverslagen die de cliënt heeft goedgekeurd.');
  }
}

/**
 * Sickness cases (verzuimdossier, Wet verbetering poortwachter): the employer reports the first sick day (or the
 * bureau does it for the employer), recovery and extensions are recorded with their reasons, and the legal
 * timeline is computed from it on every read — so a corrected first sick day moves every deadline at once.
 */
import mongoose, { Types } from 'mongoose';
import { amsterdamDay, daysBetween } from '@spoorboek/shared/poortwachter/calendar';
import { computeTimeline, MAX_LOONSANCTIE_WEEKS, type ManualStep, type Timeline } from '@spoorboek/shared/poortwachter/timeline';
import type {
  CorrectFirstSickDayBody, CreateSicknessCaseBody, ExtensionBody, RecoveryBody, SicknessCaseParams,
} from '@spoorboek/shared/schemas/poortwachter';
import { badRequest, conflict } from '../../http/problem';
import { auditAccess, authorize, enterClient, findScoped, listScoped, requireSomeRight, type RequestActor } from '../../policy/enforce';
import { PoortwachterDocument, SicknessCase, SicknessCaseRevision, sealedSicknessCase, type SicknessCaseData } from './model';
import { inWords } from '../privacy/reasons';

type CaseDocument = SicknessCaseData & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };

/** Today as a calendar day in the Netherlands; tests pass their own "now". */
export const today = (now: Date = new Date()) => amsterdamDay(now);

/**
 * When each document step was done: the day (in the Netherlands) the advice was released or the form agreed by
 * both. Only released and agreed documents count, so the lookup reveals no draft to anyone.
 */
export async function doneDates(actor: RequestActor, cases: { _id: unknown; clientId: unknown }[]) {
  if (cases.length === 0) return new Map<string, Record<string, string[]>>();
  const documents = await listScoped(actor, 'read', PoortwachterDocument, {
    clientId: mongoose.trusted({ $in: [...new Set(cases.map((found) => String(found.clientId)))] }),
    caseId: mongoose.trusted({ $in: cases.map((found) => found._id) }),
    status: mongoose.trusted({ $in: ['released', 'agreed'] }),
  } as never);
  const byCase = new Map<string, Record<string, string[]>>();
  for (const document of documents) {
    const when = document.status === 'released' ? document.releasedAt : document.agreedAt;
    if (!when) continue;
    const dates = byCase.get(String(document.caseId)) ?? {};
    (dates[document.kind] ??= []).push(amsterdamDay(when));
    byCase.set(String(document.caseId), dates);
  }
  return byCase;
}

export function timelineOf(found: Pick<CaseDocument, 'firstSickDay' | 'recoveries' | 'extensions' | 'milestones'>, dates: Record<string, string[]>, on: string): Timeline {
  const earliest = (kind: string) => [...(dates[kind] ?? [])].sort()[0] ?? null;
  const fullRecovery = found.recoveries.filter((recovery) => recovery.kind === 'full').map((recovery) => recovery.date).sort().at(-1);
  return computeTimeline({
    firstSickDay: found.firstSickDay,
    fullRecoveryOn: fullRecovery ?? null,
    extensions: found.extensions.map(({ kind, weeks }) => ({ kind, weeks })),
    done: {
      problem_analysis: earliest('problem_analysis'),
      action_plan: earliest('action_plan'),
      evaluations: dates.action_plan_evaluation ?? [],
      first_year_evaluation: earliest('first_year_evaluation'),
      uwv_notification: found.milestones?.uwv_notification ?? null,
      wia_letter: found.milestones?.wia_letter ?? null,
      wia_application: found.milestones?.wia_application ?? null,
    },
    today: on,
  });
}

async function withTimelines(actor: RequestActor, clientId: string, cases: CaseDocument[], now?: Date) {
  const dates = await doneDates(actor, cases);
  const opened = await sealedSicknessCase.openAll<CaseDocument>(cases);
  return opened.map((found) => ({ ...found, timeline: timelineOf(found, dates.get(String(found._id)) ?? {}, today(now)) }));
}

export async function list(actor: RequestActor, clientId: string, now?: Date) {
  await enterClient(actor, clientId, 'read', 'SicknessCase');
  const cases = await listScoped(actor, 'read', SicknessCase, { clientId }, { sort: { firstSickDay: -1 } });
  return withTimelines(actor, clientId, cases.map((found) => found.toObject() as CaseDocument), now);
}

export async function get(actor: RequestActor, { clientId, caseId }: SicknessCaseParams, now?: Date) {
  const found = await findScoped(actor, 'read', SicknessCase, { _id: caseId, clientId });
  const [view] = await withTimelines(actor, clientId, [found.toObject() as CaseDocument], now);
  return view!;
}

/** The ziekmelding. A client has one open case at a time; a new one starts after the previous recovery. */
export async function create(actor: RequestActor, clientId: string, body: CreateSicknessCaseBody, now?: Date) {
  await enterClient(actor, clientId, 'create', 'SicknessCase');
  const _id = new Types.ObjectId();
  const candidate = {
    _id, clientId, firstSickDay: body.firstSickDay, reportedBy: body.reportedBy, reportedOn: body.reportedOn ?? today(now),
    status: 'open', openSlot: 'open', createdBy: actor.userId,
  };
  await authorize(actor, 'create', 'SicknessCase', candidate);
  const earlier = await listScoped(actor, 'read', SicknessCase, { clientId, status: 'recovered' });
  const lastRecovery = earlier.flatMap((found) => found.recoveries.filter((recovery) => recovery.kind === 'full').map((recovery) => recovery.date)).sort().at(-1);
  if (lastRecovery && daysBetween(lastRecovery, body.firstSickDay) < 0) {
    throw badRequest('De eerste ziektedag ligt vóór het herstel van de vorige ziekmelding.', [
      { field: 'body.firstSickDay', message: `Kies een dag op of na ${lastRecovery}.` },
    ]);
  }
  try {
    await SicknessCase.create(candidate);
  } catch (error) {
    if ((error as { code?: number }).code === 11000) throw conflict('Voor deze cliënt loopt al een ziekmelding. Werk die bij of meld eerst herstel.');
    throw error;
  }
  await auditAccess(actor, 'create', 'SicknessCase', { id: String(_id), clientId, outcome: 'allowed' });
  return get(actor, { clientId, caseId: String(_id) }, now);
}

async function loadForUpdate(actor: RequestActor, { clientId, caseId }: SicknessCaseParams, { open = true } = {}) {
  const found = await findScoped(actor, 'read', SicknessCase, { _id: caseId, clientId }, { recordRead: false });
  await requireSomeRight(actor, 'update', 'SicknessCase', clientId);
  await authorize(actor, 'update', 'SicknessCase', found);
  if (open && found.status !== 'open') throw conflict('Deze ziekmelding is afgesloten na volledig herstel.');
  return found;
}

/**
 * Writes one change of a case: first claims the revision the change was based on (a single insert under a unique
 * index, so of two concurrent changes exactly one goes through, on MongoDB and FerretDB alike), then applies it.
 */
async function change(actor: RequestActor, found: { _id: Types.ObjectId; clientId: unknown; revision: number }, update: Record<string, unknown>) {
  try {
    await SicknessCaseRevision.create({ caseId: found._id, clientId: found.clientId, revision: found.revision, by: actor.userId, at: new Date() });
  } catch (error) {
    if ((error as { code?: number }).code === 11000) throw conflict('Deze ziekmelding is intussen door iemand anders gewijzigd. Vernieuw de pagina.');
    throw error;
  }
  await SicknessCase.updateOne({ _id: found._id, clientId: found.clientId }, { ...update, $inc: { revision: 1 } });
}

/**
 * A corrected first sick day (e.g. the employer reported the wrong Monday). The old day and the reason are kept,
 * the change is audited, and the timeline is recomputed from the new day. Two corrections at once: one 409.
 */
export async function correctFirstSickDay(actor: RequestActor, params: SicknessCaseParams, body: CorrectFirstSickDayBody, now?: Date) {
  const found = await loadForUpdate(actor, params);
  if (found.firstSickDay === body.firstSickDay) throw conflict('Dit is al de eerste ziektedag van deze ziekmelding.');
  const firstRecovery = found.recoveries.map((recovery) => recovery.date).sort()[0];
  if (firstRecovery && daysBetween(body.firstSickDay, firstRecovery) <= 0) {
    throw badRequest('De eerste ziektedag moet vóór het (gedeeltelijk) herstel liggen.', [
      { field: 'body.firstSickDay', message: `Kies een dag vóór ${firstRecovery}.` },
    ]);
  }
  const correctionId = new Types.ObjectId();
  await change(actor, found, await sealedSicknessCase.sealUpdate(found, {
    $set: { firstSickDay: body.firstSickDay },
    $push: { corrections: { _id: correctionId, from: found.firstSickDay, to: body.firstSickDay, by: actor.userId, at: new Date(), reason: body.reason } },
  }));
  await auditAccess(actor, 'update', 'SicknessCase', { id: params.caseId, clientId: params.clientId, outcome: 'allowed', reason: 'eerste ziektedag gecorrigeerd' });
  return get(actor, params, now);
}

/** Partial recovery is recorded and the clock runs on; full recovery closes the case and later steps lapse. */
export async function recordRecovery(actor: RequestActor, params: SicknessCaseParams, body: RecoveryBody, now?: Date) {
  const found = await loadForUpdate(actor, params);
  if (daysBetween(found.firstSickDay, body.date) <= 0) {
    throw badRequest('Herstel ligt na de eerste ziektedag.', [{ field: 'body.date', message: `Kies een dag na ${found.firstSickDay}.` }]);
  }
  const recovery = { kind: body.kind, date: body.date, by: actor.userId, at: new Date() };
  await change(actor, found, body.kind === 'full'
    ? { $set: { status: 'recovered', openSlot: String(found._id) }, $push: { recoveries: recovery } }
    : { $push: { recoveries: recovery } });
  await auditAccess(actor, 'update', 'SicknessCase', { id: params.caseId, clientId: params.clientId, outcome: 'allowed', reason: inWords(body.kind) });
  return get(actor, params, now);
}

/** A loonsanctie (UWV, at most 52 weeks in all) or an uitstel on joint request: the second year gets longer. */
export async function addExtension(actor: RequestActor, params: SicknessCaseParams, body: ExtensionBody, now?: Date) {
  const found = await loadForUpdate(actor, params);
  const sanctioned = found.extensions.filter((extension) => extension.kind === 'loonsanctie').reduce((sum, extension) => sum + extension.weeks, 0);
  if (body.kind === 'loonsanctie' && sanctioned + body.weeks > MAX_LOONSANCTIE_WEEKS) {
    throw badRequest(`Een loonsanctie duurt samen hoogstens ${MAX_LOONSANCTIE_WEEKS} weken; er is al ${sanctioned} weken vastgelegd.`, [
      { field: 'body.weeks', message: `Hoogstens ${MAX_LOONSANCTIE_WEEKS - sanctioned} weken.` },
    ]);
  }
  const extensionId = new Types.ObjectId();
  await change(actor, found, await sealedSicknessCase.sealUpdate(found, {
    $push: { extensions: { _id: extensionId, kind: body.kind, weeks: body.weeks, decidedOn: body.decidedOn, by: actor.userId, at: new Date(), reason: body.reason } },
  }));
  await auditAccess(actor, 'update', 'SicknessCase', { id: params.caseId, clientId: params.clientId, outcome: 'allowed', reason: inWords(body.kind) });
  return get(actor, params, now);
}

/** A step done outside Spoorboek: the ziekmelding at UWV, UWV's letter, the WIA application. */
export async function markStepDone(actor: RequestActor, params: SicknessCaseParams, step: ManualStep, doneOn: string, now?: Date) {
  const found = await loadForUpdate(actor, params, { open: false });
  if (daysBetween(found.firstSickDay, doneOn) < 0) {
    throw badRequest('Deze stap ligt na de eerste ziektedag.', [{ field: 'body.doneOn', message: `Kies een dag op of na ${found.firstSickDay}.` }]);
  }
  await change(actor, found, { $set: { [`milestones.${step}`]: doneOn } });
  await auditAccess(actor, 'update', 'SicknessCase', { id: params.caseId, clientId: params.clientId, outcome: 'allowed', reason: `stap gedaan: ${inWords(step)}` });
  return get(actor, params, now);
}

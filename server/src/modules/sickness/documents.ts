/**
 * The Poortwachter documents, split along the wall (Wet verbetering poortwachter, Regeling procesgang eerste en
 * tweede ziektejaar): the probleemanalyse's advice in work terms (written and released by the company doctor; its
 * medical part is the doctor's medical note in the health dossier), and the plan van aanpak, its evaluations and
 * the eerstejaarsevaluatie as structured forms that employer and employee both agree to. Every version is kept.
 */
import mongoose, { Types } from 'mongoose';
import { AGREEMENT_KINDS, type PoortwachterDocumentStatus } from '@spoorboek/shared/domain';
import type {
  AdviceContent, CreateAdviceBody, CreateFormBody, FormContent, PoortwachterDocumentParams, SicknessCaseParams,
} from '@spoorboek/shared/schemas/poortwachter';
import { guardedUpdate } from '../../db/guardedUpdate';
import { badRequest, conflict } from '../../http/problem';
import { auditAccess, authorize, enterClient, findScoped, listScoped, requireSomeRight, type RequestActor } from '../../policy/enforce';
import { isOwnMedicalNote } from '../health/service';
import { PoortwachterAgreement, PoortwachterDocument, SicknessCase, sealedAgreement, sealedPoortwachterDocument } from './model';
import { refuseMedicalWording } from './wordingGuard';
import { inWords } from '../privacy/reasons';


export const KIND_LABELS: Record<string, string> = {
  problem_analysis: 'Probleemanalyse (advies)', action_plan: 'Plan van aanpak',
  action_plan_evaluation: 'Evaluatie plan van aanpak', first_year_evaluation: 'Eerstejaarsevaluatie',
};

type Agreement = { documentId: unknown; round: number; party: string; by: unknown; at: Date; comment: string | null };

/** The agreements of the current round of each of these documents. */
export async function agreementsFor(documents: { _id: unknown; clientId: unknown }[]): Promise<Agreement[]> {
  if (documents.length === 0) return [];
  return PoortwachterAgreement.find({
    clientId: mongoose.trusted({ $in: [...new Set(documents.map((document) => String(document.clientId)))] }),
    documentId: mongoose.trusted({ $in: documents.map((document) => document._id) }),
  } as never).lean<Agreement[]>();
}

/**
 * The documents with their content, every version and (unless left out) the current round's agreements opened.
 */
export async function openDocuments(documents: readonly object[], { agreements: withAgreements = true } = {}) {
  const opened = await sealedPoortwachterDocument.openAll(documents);
  const agreements = withAgreements ? await sealedAgreement.openAll<Agreement>(await agreementsFor(opened)) : [];
  return opened.map((plain) => {
    const agreement = (party: string) => {
      const given = agreements.find((entry) => String(entry.documentId) === String(plain._id) && entry.round === plain.round && entry.party === party);
      return given ? { by: given.by, at: given.at, comment: given.comment } : null;
    };
    return {
      ...plain,
      employerAgreement: plain.round > 0 ? agreement('employer') : null,
      clientAgreement: plain.round > 0 ? agreement('client') : null,
    };
  });
}

async function revealed(clientId: string, documentId: Types.ObjectId | string) {
  const [opened] = await openDocuments([(await PoortwachterDocument.findOne({ _id: documentId, clientId }))!]);
  return opened!;
}

/** The employer-facing texts of a document, by field, for the guard. */
export function employerTexts(kind: string, content: Record<string, unknown>): Record<string, string | undefined> {
  if (kind === 'problem_analysis') {
    const advice = content as AdviceContent;
    return { 'content.workCapacity': advice.workCapacity, 'content.advice': advice.advice, 'content.expectedDuration': advice.expectedDuration };
  }
  const form = content as FormContent;
  return {
    'content.goal': form.goal, 'content.employeeView': form.employeeView, 'content.evaluation': form.evaluation,
    ...Object.fromEntries((form.actions ?? []).map((action, index) => [`content.actions.${index}.what`, action.what])),
  };
}

async function openCase(actor: RequestActor, { clientId, caseId }: SicknessCaseParams) {
  return findScoped(actor, 'read', SicknessCase, { _id: caseId, clientId }, { recordRead: false });
}

export async function list(actor: RequestActor, params: SicknessCaseParams) {
  await enterClient(actor, params.clientId, 'read', 'PoortwachterDocument');
  await openCase(actor, params);
  const documents = await listScoped(actor, 'read', PoortwachterDocument, { clientId: params.clientId, caseId: params.caseId }, { sort: { createdAt: 1 } });
  return openDocuments(documents);
}

export async function get(actor: RequestActor, { clientId, caseId, documentId }: PoortwachterDocumentParams) {
  const document = await findScoped(actor, 'read', PoortwachterDocument, { _id: documentId, clientId, caseId });
  const [opened] = await openDocuments([document]);
  return opened!;
}

async function insert(actor: RequestActor, params: SicknessCaseParams, kind: string, content: Record<string, unknown>, extra: Record<string, unknown>) {
  await enterClient(actor, params.clientId, 'create', 'PoortwachterDocument');
  await openCase(actor, params);
  const _id = new Types.ObjectId();
  const candidate = { _id, clientId: params.clientId, caseId: params.caseId, kind, status: 'draft', authorId: actor.userId };
  await authorize(actor, 'create', 'PoortwachterDocument', candidate);
  refuseMedicalWording(employerTexts(kind, content), KIND_LABELS[kind]!);
  await PoortwachterDocument.create(await sealedPoortwachterDocument.seal({
    ...candidate, ...extra, content, versions: [{ _id: new Types.ObjectId(), content, by: actor.userId, at: new Date() }],
  }));
  await auditAccess(actor, 'create', 'PoortwachterDocument', { id: String(_id), clientId: params.clientId, outcome: 'allowed', reason: inWords(kind) });
  return revealed(params.clientId, _id);
}

/**
 * The company doctor's advice to employer and employee. Its medical part is the doctor's own medical note (health
 * dossier); the advice itself must read in work terms, so the guard refuses it otherwise (422 with the flags).
 */
export async function createAdvice(actor: RequestActor, params: SicknessCaseParams, body: CreateAdviceBody) {
  if (body.medicalNoteId && !(await isOwnMedicalNote(params.clientId, body.medicalNoteId, actor.userId))) {
    throw badRequest('Het medische deel hoort bij een onbekende aantekening.', [
      { field: 'body.medicalNoteId', message: 'Kies een eigen medische aantekening van deze cliënt.' },
    ]);
  }
  return insert(actor, params, 'problem_analysis', body.content, { medicalNoteId: body.medicalNoteId ?? null });
}

/** The coach drafts a plan van aanpak, an evaluation or the eerstejaarsevaluatie with employer and employee. */
export async function createForm(actor: RequestActor, params: SicknessCaseParams, body: CreateFormBody) {
  return insert(actor, params, body.kind, body.content, {});
}

const EDITABLE: PoortwachterDocumentStatus[] = ['draft', 'disputed'];

/** A new version: the one the others saw stays; an unsent draft version is replaced. */
export async function update(actor: RequestActor, params: PoortwachterDocumentParams, content: Record<string, unknown>) {
  const document = await findScoped(actor, 'read', PoortwachterDocument, { _id: params.documentId, clientId: params.clientId, caseId: params.caseId }, { recordRead: false });
  await requireSomeRight(actor, 'update', 'PoortwachterDocument', params.clientId);
  if (!EDITABLE.includes(document.status as PoortwachterDocumentStatus)) {
    throw conflict('Dit document is vrijgegeven of wacht op akkoord en kan nu niet worden gewijzigd.');
  }
  await authorize(actor, 'update', 'PoortwachterDocument', document);
  const isAdvice = document.kind === 'problem_analysis';
  if (isAdvice !== ('workCapacity' in content)) throw badRequest('Deze inhoud past niet bij dit soort document.', [{ field: 'body.content', message: 'Onjuist formulier.' }]);
  refuseMedicalWording(employerTexts(document.kind, content), KIND_LABELS[document.kind]!);
  const last = document.versions.at(-1);
  const version = { _id: new Types.ObjectId(), content, by: actor.userId, at: new Date(), sentAt: null };
  const replacesUnsent = last && !last.sentAt && document.status === 'draft';
  await guardedUpdate(PoortwachterDocument, document, 'update', await sealedPoortwachterDocument.sealUpdate(document, replacesUnsent
    ? { $set: { content, status: 'draft', [`versions.${document.versions.length - 1}`]: version } }
    : { $set: { content, status: 'draft' }, $push: { versions: version } }));
  await auditAccess(actor, 'update', 'PoortwachterDocument', { id: params.documentId, clientId: params.clientId, outcome: 'allowed' });
  return revealed(params.clientId, document._id);
}

async function loadFor(actor: RequestActor, params: PoortwachterDocumentParams, action: 'share' | 'send' | 'approve' | 'dispute') {
  const document = await findScoped(actor, 'read', PoortwachterDocument, { _id: params.documentId, clientId: params.clientId, caseId: params.caseId }, { recordRead: false });
  await requireSomeRight(actor, action, 'PoortwachterDocument', params.clientId);
  return document;
}

/** The doctor releases the advice to employer and employee; the guard checks it once more on the way out. */
export async function release(actor: RequestActor, params: PoortwachterDocumentParams) {
  const document = await loadFor(actor, params, 'share');
  if (document.status !== 'draft') throw conflict('Dit advies is al vrijgegeven.');
  await authorize(actor, 'share', 'PoortwachterDocument', document);
  const { content } = await sealedPoortwachterDocument.open(document);
  refuseMedicalWording(employerTexts(document.kind, content), KIND_LABELS[document.kind]!);
  await guardedUpdate(PoortwachterDocument, document, 'release', {
    $set: { status: 'released', releasedAt: new Date(), [`versions.${document.versions.length - 1}.sentAt`]: new Date() },
  });
  await auditAccess(actor, 'share', 'PoortwachterDocument', { id: params.documentId, clientId: params.clientId, outcome: 'allowed' });
  return revealed(params.clientId, document._id);
}

/** The coach puts the form before employer and employee; earlier agreements no longer count. */
export async function send(actor: RequestActor, params: PoortwachterDocumentParams) {
  const document = await loadFor(actor, params, 'send');
  if (!EDITABLE.includes(document.status as PoortwachterDocumentStatus)) throw conflict('Dit document wacht al op akkoord of is akkoord.');
  await authorize(actor, 'send', 'PoortwachterDocument', document);
  const { content } = await sealedPoortwachterDocument.open(document);
  refuseMedicalWording(employerTexts(document.kind, content), KIND_LABELS[document.kind]!);
  await guardedUpdate(PoortwachterDocument, document, 'send', {
    $set: { status: 'awaiting_agreement', clientComment: null, [`versions.${document.versions.length - 1}.sentAt`]: new Date() },
    $inc: { round: 1 },
  });
  await auditAccess(actor, 'send', 'PoortwachterDocument', { id: params.documentId, clientId: params.clientId, outcome: 'allowed' });
  return revealed(params.clientId, document._id);
}

/**
 * Employer or employee agrees to this round. Each agreement is its own insert under a unique index, so two at
 * once cannot undo each other and nobody agrees twice; whoever completes the pair moves the form to "agreed".
 */
export async function approve(actor: RequestActor, params: PoortwachterDocumentParams, comment: string | undefined) {
  const document = await loadFor(actor, params, 'approve');
  if (!(AGREEMENT_KINDS as readonly string[]).includes(document.kind)) throw conflict('Dit document vraagt geen akkoord.');
  if (document.status !== 'awaiting_agreement') throw conflict('Dit document wacht niet op uw akkoord.');
  await authorize(actor, 'approve', 'PoortwachterDocument', document);
  const party = actor.clientId === params.clientId ? 'client' : 'employer';
  try {
    await PoortwachterAgreement.create(await sealedAgreement.seal({
      documentId: document._id, clientId: params.clientId, round: document.round, party, by: actor.userId, at: new Date(), comment: comment ?? null,
    }));
  } catch (error) {
    if ((error as { code?: number }).code === 11000) throw conflict('U heeft dit document al akkoord gegeven.');
    throw error;
  }
  await auditAccess(actor, 'approve', 'PoortwachterDocument', { id: params.documentId, clientId: params.clientId, outcome: 'allowed', reason: `akkoord van de ${inWords(party)}` });
  if ((await PoortwachterAgreement.countDocuments({ clientId: params.clientId, documentId: document._id, round: document.round })) === 2) {
    await PoortwachterDocument.updateOne({ _id: document._id, clientId: params.clientId, status: 'awaiting_agreement' }, { $set: { status: 'agreed', agreedAt: new Date() } });
  }
  return revealed(params.clientId, document._id);
}

/** The employee does not agree and says why; the coach revises and sends a new version. */
export async function dispute(actor: RequestActor, params: PoortwachterDocumentParams, comment: string) {
  const document = await loadFor(actor, params, 'dispute');
  if (document.status !== 'awaiting_agreement') throw conflict('Dit document wacht niet op uw reactie.');
  await authorize(actor, 'dispute', 'PoortwachterDocument', document);
  await guardedUpdate(PoortwachterDocument, document, 'dispute', await sealedPoortwachterDocument.sealUpdate(document, {
    $set: { status: 'disputed', clientComment: comment },
  }));
  await auditAccess(actor, 'dispute', 'PoortwachterDocument', { id: params.documentId, clientId: params.clientId, outcome: 'allowed' });
  return revealed(params.clientId, document._id);
}

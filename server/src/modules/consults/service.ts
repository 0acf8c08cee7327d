/**
 * Consults (gespreksverslagen, Privacyreglement Re-integratieonderwijs.nl art. 3.5): the coach writes the summary, the client approves it or disputes
 * it, the coach revises and resends. An approved summary is locked; corrections are addenda (AVG art. 16).
 */
import mongoose, { Types } from 'mongoose';
import type { ConsultStatus } from '@spoorboek/shared/domain';
import type { ConsultParams, CreateConsultBody, UpdateConsultBody } from '@spoorboek/shared/schemas/consults';
import { guardedDelete, guardedUpdate } from '../../db/guardedUpdate';
import { conflict } from '../../http/problem';
import { auditAccess, authorize, enterClient, findScoped, listScoped, requireSomeRight, type RequestActor } from '../../policy/enforce';
import { Consult, CONSULT_EDITABLE, CONSULT_WORKFLOW, sealedConsult } from './model';
import { notify } from '../notifications/service';

async function revealed(clientId: string, consultId: Types.ObjectId | string) {
  const consult = await Consult.findOne({ _id: consultId, clientId });
  return sealedConsult.open(consult!);
}

export async function list(actor: RequestActor, clientId: string) {
  await enterClient(actor, clientId, 'read', 'Consult');
  const consults = await listScoped(actor, 'read', Consult, { clientId }, { sort: { date: -1, createdAt: -1 } });
  return sealedConsult.openAll(consults);
}

export async function get(actor: RequestActor, { clientId, consultId }: ConsultParams) {
  const consult = await findScoped(actor, 'read', Consult, { _id: consultId, clientId });
  return sealedConsult.open(consult);
}

/** The coach records a consult; it starts as a draft only the coach sees. */
export async function create(actor: RequestActor, clientId: string, body: CreateConsultBody) {
  await enterClient(actor, clientId, 'create', 'Consult');
  const _id = new Types.ObjectId();
  const now = new Date();
  const candidate = { _id, clientId, coachId: actor.userId, status: 'draft', ...body };
  await authorize(actor, 'create', 'Consult', candidate);
  await Consult.create(await sealedConsult.seal({ ...candidate, revisions: [{ ...body, by: actor.userId, at: now }] }));
  await auditAccess(actor, 'create', 'Consult', { id: String(_id), clientId, outcome: 'allowed' });
  return revealed(clientId, _id);
}

/**
 * The coach edits a draft, or revises a disputed summary. A version the client has seen is never overwritten:
 * the edit becomes a new revision; edits before sending replace the unsent one.
 */
export async function update(actor: RequestActor, { clientId, consultId }: ConsultParams, body: UpdateConsultBody) {
  const consult = await findScoped(actor, 'read', Consult, { _id: consultId, clientId }, { recordRead: false });
  await requireSomeRight(actor, 'update', 'Consult', clientId);
  if (!CONSULT_EDITABLE.includes(consult.status as ConsultStatus)) {
    throw conflict(consult.status === 'approved'
      ? 'Een goedgekeurd verslag ligt vast. Voeg een aanvulling (addendum) toe.'
      : 'Dit verslag ligt bij de cliënt ter goedkeuring en kan nu niet worden gewijzigd.');
  }
  for (const field of Object.keys(body)) await authorize(actor, 'update', 'Consult', consult, field);

  const next = {
    date: body.date ?? consult.date,
    durationMinutes: body.durationMinutes ?? consult.durationMinutes,
    kind: body.kind ?? consult.kind,
  };
  const summary = body.summary ?? (await sealedConsult.open(consult)).summary;
  const last = consult.revisions.length - 1;
  const replacesUnsent = last >= 0 && !consult.revisions[last]?.sentAt;
  const index = replacesUnsent ? last : last + 1;
  const revision = { ...next, summary, by: actor.userId, at: new Date(), sentAt: null, clientComment: null };
  const current = { ...next, summary };
  await guardedUpdate(Consult, consult, 'update', await sealedConsult.sealUpdate(consult, replacesUnsent
    ? { $set: { ...current, [`revisions.${index}`]: revision } }
    : { $set: current, $push: { revisions: revision } }));
  await auditAccess(actor, 'update', 'Consult', { id: String(consult._id), clientId, outcome: 'allowed', reason: `versie ${index + 1}` });
  return revealed(clientId, consult._id);
}

/** The coach sends the summary to the client for approval. */
export async function send(actor: RequestActor, { clientId, consultId }: ConsultParams) {
  const consult = await findScoped(actor, 'read', Consult, { _id: consultId, clientId }, { recordRead: false });
  await requireSomeRight(actor, 'send', 'Consult', clientId);
  const step = CONSULT_WORKFLOW.send;
  assertStep(consult.status, step.from, 'Alleen een concept of een betwist verslag kan naar de cliënt worden gestuurd.');
  await authorize(actor, 'send', 'Consult', consult);
  await guardedUpdate(Consult, consult, 'send', {
    $set: { status: step.to, clientComment: null, [`revisions.${consult.revisions.length - 1}.sentAt`]: new Date() },
  });
  await auditAccess(actor, 'send', 'Consult', { id: String(consult._id), clientId, outcome: 'allowed' });
  await notify('consult_waiting', clientId);
  return revealed(clientId, consult._id);
}

/** The client accepts the summary as a true account of the consult. From now on it is locked. */
export async function approve(actor: RequestActor, { clientId, consultId }: ConsultParams, comment?: string) {
  return answer(actor, { clientId, consultId }, 'approve', comment ?? null);
}

/** The client disputes the summary and says what is wrong; the coach revises it. */
export async function dispute(actor: RequestActor, { clientId, consultId }: ConsultParams, comment: string) {
  return answer(actor, { clientId, consultId }, 'dispute', comment);
}

async function answer(actor: RequestActor, { clientId, consultId }: ConsultParams, step: 'approve' | 'dispute', comment: string | null) {
  const consult = await findScoped(actor, 'read', Consult, { _id: consultId, clientId }, { recordRead: false });
  await requireSomeRight(actor, step, 'Consult', clientId);
  const { from, to } = CONSULT_WORKFLOW[step];
  assertStep(consult.status, from, consult.status === 'approved'
    ? 'Dit verslag is al goedgekeurd.'
    : 'Dit verslag wacht niet op uw reactie.');
  await authorize(actor, step, 'Consult', consult);
  const last = consult.revisions.length - 1;
  await guardedUpdate(Consult, consult, step, await sealedConsult.sealUpdate(consult, {
    $set: {
      status: to,
      ...(step === 'approve' ? { approvedAt: new Date() } : { clientComment: comment }),
      ...(comment && last >= 0 ? { [`revisions.${last}.clientComment`]: comment } : {}),
    },
  }));
  await auditAccess(actor, step, 'Consult', { id: String(consult._id), clientId, outcome: 'allowed' });
  if (step === 'dispute') await notify('consult_disputed', clientId);
  return revealed(clientId, consult._id);
}

/** A correction to an approved summary, added below it (AVG art. 16); the summary itself never changes. */
export async function addAddendum(actor: RequestActor, { clientId, consultId }: ConsultParams, text: string) {
  const consult = await findScoped(actor, 'read', Consult, { _id: consultId, clientId }, { recordRead: false });
  await requireSomeRight(actor, 'update', 'Consult', clientId);
  if (consult.status !== 'approved') {
    throw conflict('Een aanvulling hoort bij een goedgekeurd verslag. Pas een concept of betwist verslag zelf aan.');
  }
  await authorize(actor, 'update', 'Consult', consult, 'addenda');
  await guardedUpdate(Consult, consult, 'addendum', await sealedConsult.sealUpdate(consult, {
    $push: { addenda: { _id: new Types.ObjectId(), text, by: actor.userId, at: new Date() } },
  }));
  await auditAccess(actor, 'update', 'Consult', { id: String(consult._id), clientId, outcome: 'allowed', reason: 'aanvulling' });
  return revealed(clientId, consult._id);
}

/** A draft the client never saw may be thrown away; anything sent stays on record. */
export async function remove(actor: RequestActor, { clientId, consultId }: ConsultParams) {
  const consult = await findScoped(actor, 'read', Consult, { _id: consultId, clientId }, { recordRead: false });
  await requireSomeRight(actor, 'delete', 'Consult', clientId);
  if (consult.status !== 'draft' || consult.revisions.some((revision) => revision.sentAt)) {
    throw conflict('Alleen een concept dat nog niet naar de cliënt is gestuurd, kan worden verwijderd.');
  }
  await authorize(actor, 'delete', 'Consult', consult);
  await guardedDelete(Consult, consult, 'delete');
  await auditAccess(actor, 'delete', 'Consult', { id: String(consult._id), clientId, outcome: 'allowed' });
}

function assertStep(current: string, from: readonly string[], message: string): void {
  if (!from.includes(current)) throw conflict(message);
}

/** How many of these consults of the client the client has approved (a report may draw only on those). */
export async function countApproved(clientId: string, consultIds: string[]): Promise<number> {
  return Consult.countDocuments({ _id: mongoose.trusted({ $in: consultIds }), clientId, status: 'approved' });
}

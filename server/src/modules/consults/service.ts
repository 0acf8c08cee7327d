/**
 * Consults (gespreksverslagen, Privacyreglement Re-integratieonderwijs.nl art. 3.5): the coach writes the summary, the client approves it or disputes
 * it, the coach revises and resends. An approved summary is locked; corrections are addenda (AVG art. 16).
 */
import mongoose, { Types } from 'mongoose';
import type { Action } from '@spoorboek/shared/policy/subjects';
import type { ConsultParams, CreateConsultBody, UpdateConsultBody } from '@spoorboek/shared/schemas/consults';
import { notFound } from '../../http/problem';
import { auditAccess, authorize, enterClient, findScoped, listScoped, type RequestActor } from '../../policy/enforce';
import { runStep } from '../../policy/workflowStep';
import { Consult, CONSULT_EDITABLE, CONSULT_WORKFLOW, sealedConsult, type ConsultData } from './model';
import { notify } from '../notifications/service';

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
  return sealedConsult.open(await Consult.findOne({ _id, clientId }).orFail(() => notFound()));
}

/** Where a consult's step applies: the consult of this client, for this action. */
const consultStep = (action: Action, { clientId, consultId }: ConsultParams) => ({ model: Consult, where: { clientId, _id: consultId }, action });

/** The revision an edit writes: the unsent one it replaces, or a new one after the last version the client saw. */
function revisionIndex(consult: Pick<ConsultData, 'revisions'>) {
  const last = consult.revisions.length - 1;
  const replacesUnsent = last >= 0 && !consult.revisions[last]?.sentAt;
  return { index: replacesUnsent ? last : last + 1, replacesUnsent };
}

/**
 * The coach edits a draft, or revises a disputed summary. A version the client has seen is never overwritten:
 * the edit becomes a new revision; edits before sending replace the unsent one.
 */
export async function update(actor: RequestActor, params: ConsultParams, body: UpdateConsultBody) {
  const consult = await runStep(actor, {
    ...consultStep('update', params),
    from: CONSULT_EDITABLE,
    conflictMessage: ({ status }) => status === 'approved'
      ? 'Een goedgekeurd verslag ligt vast. Voeg een aanvulling (addendum) toe.'
      : 'Dit verslag ligt bij de cliënt ter goedkeuring en kan nu niet worden gewijzigd.',
    fields: Object.keys(body),
    update: async (current) => {
      const next = {
        date: body.date ?? current.date,
        durationMinutes: body.durationMinutes ?? current.durationMinutes,
        kind: body.kind ?? current.kind,
      };
      const summary = body.summary ?? (await sealedConsult.open(current)).summary;
      const { index, replacesUnsent } = revisionIndex(current);
      const revision = { ...next, summary, by: actor.userId, at: new Date(), sentAt: null, clientComment: null };
      return sealedConsult.sealUpdate(current, replacesUnsent
        ? { $set: { ...next, summary, [`revisions.${index}`]: revision } }
        : { $set: { ...next, summary }, $push: { revisions: revision } });
    },
    reason: (current) => `versie ${revisionIndex(current).index + 1}`,
  });
  return sealedConsult.open(consult);
}

/** The coach sends the summary to the client for approval. */
export async function send(actor: RequestActor, params: ConsultParams) {
  const { from, to } = CONSULT_WORKFLOW.send;
  const consult = await runStep(actor, {
    ...consultStep('send', params),
    from,
    conflictMessage: 'Alleen een concept of een betwist verslag kan naar de cliënt worden gestuurd.',
    update: ({ revisions }) => ({ $set: { status: to, clientComment: null, [`revisions.${revisions.length - 1}.sentAt`]: new Date() } }),
  });
  await notify('consult_waiting', params.clientId);
  return sealedConsult.open(consult);
}

/** The client accepts the summary as a true account of the consult. From now on it is locked. */
export async function approve(actor: RequestActor, { clientId, consultId }: ConsultParams, comment?: string) {
  return answer(actor, { clientId, consultId }, 'approve', comment ?? null);
}

/** The client disputes the summary and says what is wrong; the coach revises it. */
export async function dispute(actor: RequestActor, { clientId, consultId }: ConsultParams, comment: string) {
  return answer(actor, { clientId, consultId }, 'dispute', comment);
}

async function answer(actor: RequestActor, params: ConsultParams, step: 'approve' | 'dispute', comment: string | null) {
  const { from, to } = CONSULT_WORKFLOW[step];
  const consult = await runStep(actor, {
    ...consultStep(step, params),
    from,
    conflictMessage: ({ status }) => status === 'approved' ? 'Dit verslag is al goedgekeurd.' : 'Dit verslag wacht niet op uw reactie.',
    update: (current) => {
      const last = current.revisions.length - 1;
      return sealedConsult.sealUpdate(current, {
        $set: {
          status: to,
          ...(step === 'approve' ? { approvedAt: new Date() } : { clientComment: comment }),
          ...(comment && last >= 0 ? { [`revisions.${last}.clientComment`]: comment } : {}),
        },
      });
    },
  });
  if (step === 'dispute') await notify('consult_disputed', params.clientId);
  return sealedConsult.open(consult);
}

/** A correction to an approved summary, added below it (AVG art. 16); the summary itself never changes. */
export async function addAddendum(actor: RequestActor, params: ConsultParams, text: string) {
  const consult = await runStep(actor, {
    ...consultStep('update', params),
    step: 'addendum',
    from: ['approved'],
    conflictMessage: 'Een aanvulling hoort bij een goedgekeurd verslag. Pas een concept of betwist verslag zelf aan.',
    fields: ['addenda'],
    update: (current) => sealedConsult.sealUpdate(current, {
      $push: { addenda: { _id: new Types.ObjectId(), text, by: actor.userId, at: new Date() } },
    }),
    reason: 'aanvulling',
  });
  return sealedConsult.open(consult);
}

/** A draft the client never saw may be thrown away; anything sent stays on record. */
export async function remove(actor: RequestActor, params: ConsultParams) {
  await runStep(actor, {
    ...consultStep('delete', params),
    from: ({ status, revisions }) => status === 'draft' && !revisions.some((revision) => revision.sentAt),
    conflictMessage: 'Alleen een concept dat nog niet naar de cliënt is gestuurd, kan worden verwijderd.',
    remove: true,
  });
}

/** How many of these consults of the client the client has approved (a report may draw only on those). */
export async function countApproved(clientId: string, consultIds: string[]): Promise<number> {
  return Consult.countDocuments({ _id: mongoose.trusted({ $in: consultIds }), clientId, status: 'approved' });
}

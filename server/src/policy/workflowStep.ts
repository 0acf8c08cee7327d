/**
 * One workflow step on one dossier document (send, approve, dispute, edit, remove, share, withdraw …), in the one
 * order every step keeps, so no service writes it out by hand and none can put a check in the wrong place:
 *
 *   1. find the document within the actor's slice: 404 when it does not exist, a recorded 403 outside the slice
 *      (read without recording a read: the step records the change instead);
 *   2. require that the actor may ever do the action on this subject: a recorded 403, so a role that may never
 *      act learns nothing of the state and gets 403 even in a wrong state;
 *   3. the state: the step fits the document's state, or 409 with the step's Dutch message;
 *   4. the instance check on this document (or on each field the step changes): a recorded 403 (423 under
 *      restriction);
 *   5. the step's own checks on the content (422/409), then the atomic commit: the claim of the next version and
 *      the write (db/guardedUpdate.ts), so of any number of parallel steps from one state exactly one wins and the
 *      rest get 409 — or the step's own atomic commit (one insert under a unique index);
 *   6. the change on the audit chain;
 *   7. the document as it now stands, read again.
 */
import type { FilterQuery, HydratedDocument, Model, Types, UpdateQuery } from 'mongoose';
import type { Action, SubjectType } from '@spoorboek/shared/policy/subjects';
import { guardedDelete, guardedUpdate, type Versioned } from '../db/guardedUpdate';
import { conflict, notFound } from '../http/problem';
import { auditAccess, authorize, findScoped, requireSomeRight, type RequestActor } from './enforce';

/** Which document of which client, and the action the actor means to take on it. */
export interface StepTarget<T> {
  model: Model<T>;
  where: { clientId: string; _id: string | Types.ObjectId };
  action: Action;
}

interface StepRules<T, V> extends StepTarget<T> {
  /** What the state, the instance check and the step's checks judge, when not the stored document itself. */
  view?: (document: HydratedDocument<T>) => V | Promise<V>;
  /** The states the step starts from, or whether this document is in one. */
  from: readonly string[] | ((view: V) => boolean);
  /** The 409 when the document is not in such a state. */
  conflictMessage: string | ((view: V) => string);
  /** Checked one by one instead of the document as a whole: the fields the step changes. */
  fields?: readonly string[];
  /** The step's own checks on the content, after the instance check and before anything is written. */
  check?: (view: V, document: HydratedDocument<T>) => void | Promise<void>;
  /** The reason on the audit event. */
  reason?: string | ((view: V, document: HydratedDocument<T>) => string);
}

/** The step writes `update` as the one winner from the version read (the claim is named `step`, else the action). */
export interface UpdateStep<T, V> extends StepRules<T, V> {
  step?: string;
  update: (view: V, document: HydratedDocument<T>) => UpdateQuery<T> | Promise<UpdateQuery<T>>;
  /** `false` when the caller answers nothing: the document is then not read again. */
  answer?: boolean;
}

/** The step removes the document as the one winner. */
export interface RemoveStep<T, V> extends StepRules<T, V> {
  step?: string;
  remove: true;
}

/** The step commits in its own atomic way (an insert under a unique index), throwing 409 for the losers. */
export interface CommitStep<T, V> extends StepRules<T, V> {
  commit: (view: V, document: HydratedDocument<T>) => Promise<unknown>;
}

/** Steps 1 and 2: the document within the actor's slice, and the actor's right to act on such documents at all. */
export async function findForStep<T>(actor: RequestActor, { model, where, action }: StepTarget<T>): Promise<HydratedDocument<T>> {
  const document = await findScoped(actor, 'read', model, where as FilterQuery<T>, { recordRead: false });
  await requireSomeRight(actor, action, model.modelName as SubjectType, where.clientId);
  return document;
}

export async function runStep<T, V = HydratedDocument<T>>(
  actor: RequestActor, step: RemoveStep<T, V> | (UpdateStep<T, V> & { answer: false }),
): Promise<void>;
export async function runStep<T, V = HydratedDocument<T>>(
  actor: RequestActor, step: UpdateStep<T, V> | CommitStep<T, V>,
): Promise<HydratedDocument<T>>;
export async function runStep<T, V = HydratedDocument<T>>(
  actor: RequestActor, step: UpdateStep<T, V> | RemoveStep<T, V> | CommitStep<T, V>,
): Promise<HydratedDocument<T> | void> {
  const { model, where, action } = step;
  const type = model.modelName as SubjectType;
  const document = await findForStep(actor, step);
  const view = step.view ? await step.view(document) : (document as unknown as V);

  const fits = typeof step.from === 'function'
    ? step.from(view)
    : step.from.includes(String((view as { status?: unknown }).status));
  if (!fits) throw conflict(typeof step.conflictMessage === 'function' ? step.conflictMessage(view) : step.conflictMessage);

  if (step.fields && step.fields.length > 0) {
    for (const field of step.fields) await authorize(actor, action, type, view, field);
  } else {
    await authorize(actor, action, type, view);
  }
  await step.check?.(view, document);

  // Every dossier model carries `clientId` and `version` (the claim's unique index orders the steps).
  const read = document as unknown as Versioned;
  if ('remove' in step) await guardedDelete(model, read, step.step ?? action);
  else if ('commit' in step) await step.commit(view, document);
  else await guardedUpdate(model, read, step.step ?? action, await step.update(view, document));

  const reason = typeof step.reason === 'function' ? step.reason(view, document) : step.reason;
  await auditAccess(actor, action, type, { id: String(document._id), clientId: where.clientId, outcome: 'allowed', reason: reason ?? null });

  if ('remove' in step || ('update' in step && step.answer === false)) return;
  return model.findOne({ _id: document._id, clientId: where.clientId } as FilterQuery<T>).orFail(() => notFound());
}

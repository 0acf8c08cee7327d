/**
 * A workflow step made atomic on both databases. FerretDB 1.24 does not apply a filtered `updateOne` atomically
 * across connections (two parallel compare-and-sets on one consult can both match), and it has no transactions.
 * What both databases do enforce is a unique index on a single insert, so a step first *claims* the next version
 * of its document:
 *
 *   1. the caller has read the document at version n and checked that the step fits its state;
 *   2. it inserts the claim (subject, id, n + 1) into `claims`, which has a unique index: of any number of
 *      parallel steps that read version n, exactly one insert succeeds, the rest get E11000 and a 409;
 *   3. only the winner writes its update, together with `version: n + 1`.
 *
 * The claim is the commit point and carries the update it stands for. If the process dies between 2 and 3 the
 * document stays at version n under a claim for n + 1; the next step on it loses the claim race, finds the claim
 * stale (older than a few seconds, so never a winner still on its way) and rolls it forward by applying the
 * recorded update, then answers 409 so the user looks again at the state that now holds.
 *
 * A workflow step on a dossier document comes here through `runStep` (policy/workflowStep.ts), which does step 1
 * — and the access checks before it — in the one fixed order.
 */
import mongoose, { Schema, type Model, type Types, type UpdateQuery } from 'mongoose';
import { conflict } from '../http/problem';

const { EJSON } = mongoose.mongo.BSON;

const claimSchema = new Schema(
  {
    subject: { type: String, required: true },
    subjectId: { type: Schema.Types.ObjectId, required: true },
    /** The subject's client, so every query on a dossier document names its client (shard key). */
    clientId: { type: Schema.Types.ObjectId, default: null },
    version: { type: Number, required: true },
    step: { type: String, required: true },
    /** The update this step commits to, as canonical extended JSON (`delete` for a removal). */
    update: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { timestamps: false, versionKey: false },
);
claimSchema.index({ subject: 1, subjectId: 1, version: 1 }, { unique: true });
export const Claim = mongoose.model('Claim', claimSchema);

/** A claim this old belongs to a step whose process died before it wrote its update. */
export const STALE_CLAIM_MS = 10_000;

/**
 * A point between the claim and the write where a test can make the step fail, as if the process died there.
 * Nothing in the application sets it.
 */
export const stepFaults: { afterClaim: ((step: string) => void) | null } = { afterClaim: null };

export const STEP_CONFLICT = 'Dit onderdeel is intussen door iemand anders gewijzigd. Vernieuw de pagina.';

export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;
}

/** What a step needs of the document it read: its id, its client and the version it was at. */
export interface Versioned {
  _id: Types.ObjectId | string;
  clientId?: Types.ObjectId | string | null;
  version?: number | null;
}

/**
 * Applies `update` to the document as the one winning step from the version the caller read. Throws a 409 when
 * another step got there first.
 */
export async function guardedUpdate<T>(model: Model<T>, document: Versioned, step: string, update: UpdateQuery<T>): Promise<void> {
  const from = document.version ?? 0;
  const committed = { ...update, $set: { ...(update.$set ?? {}), version: from + 1 } } as UpdateQuery<T>;
  await claim(model, document, from + 1, step, EJSON.stringify(committed, { relaxed: false }));
  stepFaults.afterClaim?.(step);
  await materialise(model, document, from, committed);
}

/** Removes the document as the one winning step (a draft thrown away cannot race a send). */
export async function guardedDelete<T>(model: Model<T>, document: Versioned, step: string): Promise<void> {
  const from = document.version ?? 0;
  await claim(model, document, from + 1, step, 'delete');
  stepFaults.afterClaim?.(step);
  await materialise(model, document, from, 'delete');
}

async function claim<T>(model: Model<T>, document: Versioned, version: number, step: string, update: string) {
  try {
    await Claim.create({
      subject: model.modelName, subjectId: document._id, clientId: document.clientId ?? null, version, step, update, at: new Date(),
    });
    return;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  await rollForwardIfStale(model, document, version);
  throw conflict(STEP_CONFLICT);
}

/** Finishes a step whose process died after its claim (see above); a claim still fresh is left to its owner. */
async function rollForwardIfStale<T>(model: Model<T>, document: Versioned, version: number, now = Date.now()) {
  const pending = await Claim.findOne({
    clientId: document.clientId ?? null, subject: model.modelName, subjectId: document._id, version,
  }).lean();
  if (!pending || now - pending.at.getTime() < STALE_CLAIM_MS) return;
  const update = pending.update === 'delete' ? 'delete' : EJSON.parse(pending.update, { relaxed: false }) as UpdateQuery<T>;
  await materialise(model, document, version - 1, update);
}

/**
 * Writes a claimed step. The filter on the version makes a late second write (the owner after a roll-forward)
 * a no-op; a document written before versions existed counts as version 0.
 */
async function materialise<T>(model: Model<T>, document: Versioned, from: number, update: UpdateQuery<T> | 'delete') {
  const filter = {
    _id: document._id,
    ...(document.clientId ? { clientId: document.clientId } : {}),
    version: from === 0 ? mongoose.trusted({ $in: [0, null] }) : from,
  } as never;
  if (update === 'delete') await model.deleteOne(filter);
  else await model.updateOne(filter, update);
}

/**
 * One version stamp for every fact the policy derives from the database (assignments, employees, consents,
 * handovers, restrictions), so an actor's facts can be cached between requests without ever being stale.
 *
 * Every write to a fact source goes through Mongoose middleware (`factsSource`) that, around the write,
 *   1. adds one to `pending` before it (the write may land from now on),
 *   2. after it — succeeded or failed — takes one off `pending` and adds one to `n`.
 * A request reads the stamp in one `_id` lookup. It uses or stores cached facts only when `pending` is 0, keyed
 * by `n`: facts loaded after reading `n` either already saw a write or that write's step 2 moves `n` on, so the
 * next request misses. A process that dies between the steps leaves `pending` above 0: caching stops (every
 * request loads its facts, as before the cache) rather than risking a stale answer.
 *
 * One stamp for the whole bureau, not one per user: a reassignment changes the facts of the old and the new
 * assignee and of the employer, and knowing the old assignee needs a read that races on FerretDB 1.24 (its filtered
 * updates are not atomic). Fact changes are rare next to reads, so a bureau-wide miss now and then is cheap.
 * `$inc` on one document by `_id` is applied atomically by both FerretDB and MongoDB.
 */
import mongoose, { Schema, type Query } from 'mongoose';

const factsVersionSchema = new Schema({ _id: String, n: { type: Number, default: 0 }, pending: { type: Number, default: 0 } }, { versionKey: false });
export const FactsVersion = mongoose.model('FactsVersion', factsVersionSchema, 'factsversions');

const STAMP_ID = 'facts';

export interface FactsStamp {
  n: number;
  /** True while a fact-changing write may be under way (or one was cut off): do not cache. */
  unsettled: boolean;
}

export async function readFactsStamp(): Promise<FactsStamp> {
  const stamp = await FactsVersion.findById(STAMP_ID).lean();
  return { n: stamp?.n ?? 0, unsettled: (stamp?.pending ?? 0) !== 0 };
}

async function change(update: { n?: number; pending: number }): Promise<void> {
  try {
    await FactsVersion.updateOne({ _id: STAMP_ID }, { $inc: update }, { upsert: true });
  } catch (error) {
    // Two first upserts at once: the unique `_id` lets one insert win; the other increments it.
    if ((error as { code?: number }).code !== 11000) throw error;
    await FactsVersion.updateOne({ _id: STAMP_ID }, { $inc: update });
  }
}

const QUERY_WRITES = ['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'deleteOne', 'deleteMany', 'findOneAndDelete', 'findOneAndReplace'] as const;
const MARK = Symbol('factsWrite');
type Marked = { [MARK]?: boolean };

/** The paths an update document sets or unsets (a replacement: every path). */
function updatedPaths(update: unknown): string[] | null {
  if (!update || typeof update !== 'object' || Array.isArray(update)) return null;
  const paths: string[] = [];
  for (const [key, value] of Object.entries(update as Record<string, unknown>)) {
    if (!key.startsWith('$')) return null; // a replacement
    if (value && typeof value === 'object') paths.push(...Object.keys(value as object));
  }
  return paths;
}

/**
 * Mongoose plugin for a model whose documents are facts: every write bumps the stamp. With `fields`, only writes
 * that create or delete a document or touch one of those paths do (a client's name is no fact; its coach is).
 */
export function factsSource(fields?: readonly string[]) {
  const touches = (paths: string[] | null) =>
    !fields || paths === null || paths.some((path) => fields.some((field) => path === field || path.startsWith(`${field}.`)));
  return (schema: Schema) => {
    schema.pre('save', async function markSave() {
      const marked = !fields || this.isNew || fields.some((field) => this.isModified(field));
      if (marked) await change({ pending: 1 });
      (this as unknown as Marked)[MARK] = marked;
    });
    const settleSave = async (doc: unknown) => {
      if (!(doc as Marked)[MARK]) return;
      (doc as Marked)[MARK] = false;
      await change({ pending: -1, n: 1 });
    };
    schema.post('save', async function settled() { await settleSave(this); });
    schema.post('save', function settledAfterError(error: Error, _doc: unknown, next: (error?: Error) => void) {
      settleSave(this).then(() => next(error), () => next(error));
    });

    for (const operation of QUERY_WRITES) {
      schema.pre(operation, { document: false, query: true }, async function markQuery(this: Query<unknown, unknown>) {
        const deleting = operation.includes('elete');
        const marked = deleting || touches(updatedPaths(this.getUpdate()));
        if (marked) await change({ pending: 1 });
        (this as unknown as Marked)[MARK] = marked;
      });
      const settleQuery = async (query: unknown) => {
        if (!(query as Marked)[MARK]) return;
        (query as Marked)[MARK] = false;
        await change({ pending: -1, n: 1 });
      };
      schema.post(operation, { document: false, query: true }, async function settled(this: Query<unknown, unknown>) { await settleQuery(this); });
      schema.post(operation, { document: false, query: true }, function settledAfterError(this: Query<unknown, unknown>, error: Error, _res: unknown, next: (error?: Error) => void) {
        settleQuery(this).then(() => next(error), () => next(error));
      });
    }

    schema.pre('insertMany', async function markInsert() { await change({ pending: 1 }); });
    schema.post('insertMany', async function settled() { await change({ pending: -1, n: 1 }); });
    schema.post('insertMany', function settledAfterError(error: Error, _docs: unknown, next: (error?: Error) => void) {
      change({ pending: -1, n: 1 }).then(() => next(error), () => next(error));
    });
    schema.pre('bulkWrite', async function markBulk() { await change({ pending: 1 }); });
    schema.post('bulkWrite', async function settled() { await change({ pending: -1, n: 1 }); });
    schema.post('bulkWrite', function settledAfterError(error: Error, _res: unknown, next: (error?: Error) => void) {
      change({ pending: -1, n: 1 }).then(() => next(error), () => next(error));
    });
  };
}

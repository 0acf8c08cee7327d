/**
 * Appending to the audit chain. Each event takes the next sequence number and the previous event's hash; when
 * another process took that number first, the unique index refuses the insert and we retry on the new head.
 *
 * The head (last sequence number and hash) is kept in a one-document collection: on the embedded FerretDB every
 * query on the chain itself scans it (measured: scripts/bench), so the usual append reads only that pointer. The
 * pointer is a hint; the unique index on `seq` is the truth. When an insert after it is refused (another writer
 * came first, or one stopped between its insert and moving the pointer), the head is looked up in the chain.
 *
 * Under load, appends through one connection are batched: the events waiting while one batch is written go out
 * together as the next batch, chained in memory (seq n+1, n+2, … each carrying the hash of the one before), in one
 * ordered insert and one move of the pointer. Three round trips per batch instead of per event; the guarantees are
 * the same as for a single event, because an ordered insert stops at the first refused number and what went in
 * before it is a correct continuation of the chain.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import mongoose from 'mongoose';
import type { Collection, Db } from 'mongodb';
import type { AuditAction, AuditOutcome } from '@spoorboek/shared/domain';
import { AuditEvent } from './model';
import { GENESIS_HASH, hashEvent, type ChainedEvent } from './chain';

export interface AuditActorSnapshot {
  userId: string | null;
  name: string | null;
  roles: string[];
  organisationId: string | null;
  onBehalfOf?: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  outcome: AuditOutcome;
  reason?: string | null;
  clientId?: string | null;
  actor: AuditActorSnapshot;
  accessPoint: { ip?: string | null; userAgent?: string | null };
  object: { type?: string | null; id?: string | null; compartment: 'process' | 'health' | 'system' };
}

export type AppendedEvent = ChainedEvent & { hash: string };

const MAX_ATTEMPTS = 50;
/**
 * At most this many events in one insert. FerretDB 1.24 splits an insert into chunks of its batch size (100 by
 * default) and, after a refused document, stops only the chunk it is in and goes on with the next one
 * (internal/handler/msg_insert.go, v1.24.2): an ordered insert of more than one chunk could leave links behind a
 * refused number. Within one chunk the insert stops where MongoDB would.
 */
const MAX_BATCH = 100;

const HEAD_ID = 'head';

interface Head { seq: number; hash: string }

interface Waiting {
  entry: AuditEntry;
  resolve: (event: AppendedEvent) => void;
  reject: (error: unknown) => void;
}

/** Per database handle: the events waiting for the next batch, and whether a batch is being written. */
interface Writer { waiting: Waiting[]; writing: boolean }
const writers = new WeakMap<Db, Writer>();

/** Counters for the load benchmark: how many appends, and how long callers waited for them in total. */
export const auditAppendStats = { count: 0, totalMs: 0, batches: 0 };

type ChainListener = (head: Head, previousSeq: number) => void;
const listeners = new Set<ChainListener>();

/** Called after every batch that moved the chain forward (the periodic seal listens). Returns an unsubscribe. */
export function onChainAdvanced(listener: ChainListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(head: Head, previousSeq: number) {
  for (const listener of listeners) {
    try {
      listener(head, previousSeq);
    } catch {
      // A listener's failure (e.g. a seal that could not be written) is its own business, not the append's.
    }
  }
}

/** `db` is the database holding the chain; a test may pass the same database reached over another connection. */
export function appendAuditEvent(entry: AuditEntry, db: Db = mongoose.connection.db as unknown as Db): Promise<AppendedEvent> {
  const started = performance.now();
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = { waiting: [], writing: false }));
  const appended = new Promise<AppendedEvent>((resolve, reject) => writer.waiting.push({ entry, resolve, reject }));
  if (!writer.writing) void drain(writer, db);
  return appended.finally(() => {
    auditAppendStats.count += 1;
    auditAppendStats.totalMs += performance.now() - started;
  });
}

/** Writes batches until nobody waits; one drain per database handle at a time. */
async function drain(writer: Writer, db: Db): Promise<void> {
  writer.writing = true;
  try {
    while (writer.waiting.length > 0) {
      const batch = writer.waiting.splice(0, MAX_BATCH);
      await appendBatch(batch, db);
    }
  } finally {
    writer.writing = false;
  }
}

async function appendBatch(batch: Waiting[], db: Db): Promise<void> {
  const events = db.collection(AuditEvent.collection.collectionName);
  const heads = db.collection<{ _id: string; seq: number; hash: string }>(AUDIT_HEAD_COLLECTION);
  let pending = batch;
  try {
    for (let attempt = 0; attempt < MAX_ATTEMPTS && pending.length > 0; attempt++) {
      const head = attempt === 0 ? await pointedHead(events, heads) : await chainHead(events, heads);
      const chained = chain(pending.map((waiting) => waiting.entry), head);
      const inserted = await insertOrdered(events, chained);
      if (inserted > 0) {
        const last = chained[inserted - 1]!;
        await advanceHead(heads, { seq: last.seq, hash: last.hash });
        auditAppendStats.batches += 1;
        pending.slice(0, inserted).forEach((waiting, index) => waiting.resolve(chained[index]!));
        notify({ seq: last.seq, hash: last.hash }, head?.seq ?? 0);
        pending = pending.slice(inserted);
      }
      if (pending.length > 0) await sleep(Math.random() * 5 * (attempt + 1));
    }
    if (pending.length > 0) throw new Error(`audit chain: no free sequence number after ${MAX_ATTEMPTS} attempts`);
  } catch (error) {
    for (const waiting of pending) waiting.reject(error);
  }
}

/** The entries as chain links after `head`, each hashed over the one before. */
function chain(entries: AuditEntry[], head: Head | null): AppendedEvent[] {
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  return entries.map((entry) => {
    const event: ChainedEvent = {
      seq: ++seq,
      at: new Date(),
      action: entry.action,
      outcome: entry.outcome,
      reason: entry.reason ?? null,
      clientId: entry.clientId ?? null,
      actor: {
        userId: entry.actor.userId,
        name: entry.actor.name,
        roles: entry.actor.roles,
        organisationId: entry.actor.organisationId,
        onBehalfOf: entry.actor.onBehalfOf ?? null,
      },
      accessPoint: { ip: entry.accessPoint.ip ?? null, userAgent: truncate(entry.accessPoint.userAgent) },
      object: { type: entry.object.type ?? null, id: entry.object.id ?? null, compartment: entry.object.compartment },
      prevHash,
    };
    const hash = hashEvent(event);
    prevHash = hash;
    return { ...event, hash };
  });
}

/**
 * Inserts the links in order and says how many went in. A refused number (duplicate key) ends the insert there;
 * the links before it are in the chain. Which ones are is read back by their hashes rather than trusted from the
 * error report, so the count is right on MongoDB and FerretDB alike.
 */
async function insertOrdered(events: Collection, chained: AppendedEvent[]): Promise<number> {
  try {
    // The driver adds an _id to each document it inserts; copies keep the links we hand back free of it.
    await events.insertMany(chained.map((event) => ({ ...event })), { ordered: true });
    return chained.length;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const ours = await events
      .find({ seq: { $gte: chained[0]!.seq, $lte: chained.at(-1)!.seq } }, { projection: { seq: 1, hash: 1 } })
      .toArray();
    const stored = new Map(ours.map((event) => [Number(event.seq), String(event.hash)]));
    let inserted = 0;
    while (inserted < chained.length && stored.get(chained[inserted]!.seq) === chained[inserted]!.hash) inserted++;
    return inserted;
  }
}

export const AUDIT_HEAD_COLLECTION = 'auditheads';

/** The head as the pointer says (the chain's own head the first time a database is used). */
async function pointedHead(events: Collection, heads: Collection<{ _id: string; seq: number; hash: string }>): Promise<Head | null> {
  const pointer = await heads.findOne({ _id: HEAD_ID }, { projection: { seq: 1, hash: 1 } });
  return pointer ? { seq: pointer.seq, hash: pointer.hash } : chainHead(events, heads);
}

/** The head as the chain says: its highest sequence number. Moves the pointer there. */
async function chainHead(events: Collection, heads: Collection<{ _id: string; seq: number; hash: string }>): Promise<Head | null> {
  const last = await events.findOne<Head>({}, { sort: { seq: -1 }, projection: { seq: 1, hash: 1 } });
  if (last) await advanceHead(heads, last);
  return last;
}

/** Moves the pointer forward (never back), creating it when missing. */
async function advanceHead(heads: Collection<{ _id: string; seq: number; hash: string }>, head: Head): Promise<void> {
  const moved = await heads.updateOne({ _id: HEAD_ID, seq: { $lt: head.seq } }, { $set: { seq: head.seq, hash: head.hash } });
  if (moved.matchedCount > 0) return;
  try {
    await heads.insertOne({ _id: HEAD_ID, seq: head.seq, hash: head.hash });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error; // it exists and is already at or past this event
  }
}

function truncate(value: string | null | undefined): string | null {
  return value ? value.slice(0, 300) : null;
}

function isDuplicateKey(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if ('code' in error && error.code === 11000) return true;
  // A bulk insert reports the refusal among its write errors.
  const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  return list.some((entry) => (entry as { code?: number }).code === 11000);
}

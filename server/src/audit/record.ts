/**
 * Appending to the audit chain. Each event takes the next sequence number and the previous event's hash; when
 * another process took that number first, the unique index refuses the insert and we retry on the new head.
 *
 * The head (last sequence number and hash) is kept in a one-document collection: on the embedded FerretDB every
 * query on the chain itself scans it (measured: scripts/bench), so the usual append reads only that pointer. The
 * pointer is a hint; the unique index on `seq` is the truth. When the insert after it is refused (another writer
 * came first, or one stopped between its insert and moving the pointer), the head is looked up in the chain.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import mongoose from 'mongoose';
import type { Collection, Db } from 'mongodb';
import type { AuditAction, AuditOutcome } from '../../../shared/src/domain';
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

const MAX_ATTEMPTS = 50;

const HEAD_ID = 'head';

interface Head { seq: number; hash: string }

/** Appends through one connection wait for each other, so requests in one process never race for a number. */
const queues = new WeakMap<Db, Promise<unknown>>();

/** Counters for the load benchmark: how many appends, and how long callers waited for them in total. */
export const auditAppendStats = { count: 0, totalMs: 0 };

/** `db` is the database holding the chain; a test may pass the same database reached over another connection. */
export function appendAuditEvent(entry: AuditEntry, db: Db = mongoose.connection.db as unknown as Db): Promise<ChainedEvent & { hash: string }> {
  const started = performance.now();
  const appended = (queues.get(db) ?? Promise.resolve()).then(() => append(entry, db));
  queues.set(db, appended.catch(() => undefined));
  return appended.finally(() => {
    auditAppendStats.count += 1;
    auditAppendStats.totalMs += performance.now() - started;
  });
}

async function append(entry: AuditEntry, db: Db): Promise<ChainedEvent & { hash: string }> {
  const events = db.collection(AuditEvent.collection.collectionName);
  const heads = db.collection<{ _id: string; seq: number; hash: string }>(AUDIT_HEAD_COLLECTION);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const head = attempt === 0 ? await pointedHead(events, heads) : await chainHead(events, heads);
    const event: ChainedEvent = {
      seq: (head?.seq ?? 0) + 1,
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
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    const hash = hashEvent(event);
    try {
      await events.insertOne({ ...event, hash });
      await advanceHead(heads, { seq: event.seq, hash });
      return { ...event, hash };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await sleep(Math.random() * 5 * (attempt + 1));
    }
  }
  throw new Error(`audit chain: no free sequence number after ${MAX_ATTEMPTS} attempts`);
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
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;
}

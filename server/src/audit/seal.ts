/**
 * Sealing the head of the audit chain: now and then the current (seq, hash) is written to a separate collection
 * with an HMAC under the master key. A chain can then not be cut short (its last events deleted) or rewritten
 * from scratch (every hash recomputed) without a seal giving it away, unless the attacker also holds the key.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import mongoose, { Schema } from 'mongoose';
import { AuditEvent } from './model';
import { onChainAdvanced } from './record';

const auditSealSchema = new Schema(
  {
    seq: { type: Number, required: true },
    hash: { type: String, required: true },
    at: { type: Date, required: true },
    mac: { type: String, required: true },
  },
  { versionKey: false },
);
auditSealSchema.index({ seq: 1 });
export const AuditSeal = mongoose.model('AuditSeal', auditSealSchema);

function macOf(key: Buffer, seal: { seq: number; hash: string; at: Date }): string {
  return createHmac('sha256', key).update(`${seal.seq}|${seal.hash}|${seal.at.toISOString()}`).digest('hex');
}

/**
 * Seals the current head (or `known`, an event just appended: no need to look the head up); does nothing on an
 * empty chain.
 */
export async function sealHead(key: Buffer, known?: { seq: number; hash: string }): Promise<{ seq: number; hash: string } | null> {
  const head = known ?? await AuditEvent.collection
    .findOne<{ seq: number; hash: string }>({}, { sort: { seq: -1 }, projection: { seq: 1, hash: 1 } });
  if (!head) return null;
  const at = new Date();
  await AuditSeal.collection.insertOne({ seq: head.seq, hash: head.hash, at, mac: macOf(key, { seq: head.seq, hash: head.hash, at }) });
  return { seq: head.seq, hash: head.hash };
}

export interface SealedHead {
  seq: number;
  hash: string;
}

/** The seals whose MAC is genuine; a forged or altered seal is reported as a problem. */
export async function readSeals(key: Buffer): Promise<{ seals: SealedHead[]; forged: number | null }> {
  const seals = await AuditSeal.collection.find({}, { sort: { seq: 1 } }).toArray();
  for (const seal of seals) {
    const expected = Buffer.from(macOf(key, seal as unknown as { seq: number; hash: string; at: Date }), 'hex');
    const actual = Buffer.from(String(seal.mac), 'hex');
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { seals: [], forged: Number(seal.seq) };
  }
  return { seals: seals.map((seal) => ({ seq: Number(seal.seq), hash: String(seal.hash) })), forged: null };
}

export interface SealingOptions {
  /** A seal whenever the chain passes a multiple of this many events (0: never by count). */
  everyEvents: number;
  /** And on a timer, whatever happened (0: never by time). */
  intervalMs: number;
  onError: (error: unknown) => void;
}

/**
 * Seals by count and by time until stopped. Sealing by count bounds how much of the tail could be cut off
 * unnoticed on a busy day; the timer covers a quiet one.
 */
export function startSealing(key: Buffer, { everyEvents, intervalMs, onError }: SealingOptions): () => void {
  const unsubscribe = everyEvents > 0
    ? onChainAdvanced((head, previousSeq) => {
      if (Math.floor(head.seq / everyEvents) > Math.floor(previousSeq / everyEvents)) sealHead(key, head).catch(onError);
    })
    : () => {};
  const timer = intervalMs > 0 ? setInterval(() => sealHead(key).catch(onError), intervalMs) : undefined;
  timer?.unref();
  return () => {
    unsubscribe();
    clearInterval(timer);
  };
}

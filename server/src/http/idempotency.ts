/**
 * Idempotency-Key (IETF draft "The Idempotency-Key HTTP Header Field"): a client that retries a POST after a lost
 * or late answer (a 503 while the record was in fact saved) sends the same key, and gets the first result back
 * instead of a second record.
 *
 * The first request with a key claims it by inserting `{ _id: user + key }`: one insert, so of two requests racing
 * with the same key exactly one wins, on MongoDB and FerretDB alike. The winner's answer is stored with the claim
 * (sealed with the master key: it can hold dossier content); a repeat with the same body gets it back (same status,
 * same body, header `Idempotent-Replayed: true`), a repeat with another body 422, a repeat while the first is still
 * being handled 409. Only a success is stored: an error answer (invalid input, a conflict, a database outage)
 * releases the key, so the retry runs again. Stored results expire after a day; expired ones are swept now and
 * then (no TTL index: the embedded FerretDB has none).
 */
import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import mongoose, { Schema } from 'mongoose';
import { canonicalJson } from '../audit/canonicalJson';
import { open, seal } from '../crypto/masterKeySeal';
import { badRequest, conflict, unprocessable } from './problem';

const RESULT_TTL_MS = 24 * 60 * 60 * 1000;
/** A claim still pending after this long belongs to a request that will never finish (the process stopped). */
const STALE_PENDING_MS = 2 * 60 * 1000;
const SWEEP_EVERY_MS = 10 * 60 * 1000;

const idempotencyRecordSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    /** SHA-256 of method, path and body: a key reused for another request is refused. */
    fingerprint: { type: String, required: true },
    state: { type: String, enum: ['pending', 'done'], required: true },
    status: { type: Number, default: null },
    /** The first answer's body, sealed with the master key. */
    body: { type: String, default: null },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
idempotencyRecordSchema.index({ expiresAt: 1 });
export const IdempotencyRecord = mongoose.model('IdempotencyRecord', idempotencyRecordSchema);

interface StoredRecord {
  _id: string;
  fingerprint: string;
  state: 'pending' | 'done';
  status: number | null;
  body: string | null;
  createdAt: Date;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function fingerprintOf(req: Request): string {
  // A multipart upload is not read yet at this point; its length stands for it (its boundary changes per try).
  const body = req.is('application/json') ? canonicalJson(req.body ?? null) : `length ${req.get('content-length') ?? ''}`;
  return sha256(`${req.method} ${req.baseUrl}${req.path}\n${body}`);
}

/**
 * For signed-in POST requests that carry the header; anything else passes untouched, and so do the sign-in steps
 * under /auth (their answers carry fresh tokens that must not be kept or handed out twice).
 */
export function idempotency(masterKey: Buffer): RequestHandler {
  let lastSweep = 0;
  return async (req, res, next) => {
    const key = req.get('idempotency-key');
    const userId = req.session?.userId;
    if (key === undefined || req.method !== 'POST' || !userId || req.path.startsWith('/auth/')) return next();
    if (!KEY_PATTERN.test(key)) {
      throw badRequest('De Idempotency-Key is ongeldig: gebruik 1 tot 255 zichtbare tekens.', [
        { field: 'Idempotency-Key', message: 'Gebruik 1 tot 255 zichtbare tekens (bijvoorbeeld een UUID).' },
      ]);
    }
    if (Date.now() - lastSweep > SWEEP_EVERY_MS) {
      lastSweep = Date.now();
      void sweepExpired().catch((error: unknown) => req.log?.warn({ err: error }, 'sweeping idempotency records failed'));
    }
    const id = `${userId}:${sha256(key)}`;
    const fingerprint = fingerprintOf(req);
    const existing = await claim(id, userId, fingerprint);
    if (existing) {
      if (existing.fingerprint !== fingerprint) {
        throw unprocessable('idempotency-key-reused', 'Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik voor elk nieuw verzoek een nieuwe sleutel.', {});
      }
      if (existing.state === 'pending') {
        res.setHeader('Retry-After', '2');
        throw conflict('Dit verzoek wordt al verwerkt. Wacht even en vernieuw dan de pagina.');
      }
      res.setHeader('Idempotent-Replayed', 'true');
      res.status(existing.status ?? 200);
      if (existing.body === null) res.end();
      else res.json(JSON.parse(open(masterKey, existing.body, `idempotency:${id}`)));
      return;
    }

    // Ours: the answer the handler gives (even after the deadline answered 503 for it) becomes the stored result,
    // stored before it is sent, so a repeat that follows the answer finds it.
    let settled = false;
    const settle = async (status: number, body: unknown) => {
      if (settled) return;
      settled = true;
      await store(masterKey, id, status, body).catch((error: unknown) => req.log?.error({ err: error }, 'storing the idempotent result failed'));
    };
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      void settle(res.statusCode, body).then(() => json(body));
      return res;
    };
    res.once('finish', () => {
      if (!res.locals.deadlinePassed) void settle(res.statusCode, undefined);
    });
    next();
  };
}

/** Null when this request now holds the key; otherwise the record that holds it. */
async function claim(id: string, userId: string, fingerprint: string): Promise<StoredRecord | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const now = new Date();
    try {
      await IdempotencyRecord.collection.insertOne({
        _id: id as never, userId, fingerprint, state: 'pending', status: null, body: null, createdAt: now,
        expiresAt: new Date(now.getTime() + RESULT_TTL_MS),
      });
      return null;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const existing = await IdempotencyRecord.collection.findOne<StoredRecord>({ _id: id as never });
    if (!existing) continue; // swept or released in between: claim again
    const stale = existing.state === 'pending' && now.getTime() - existing.createdAt.getTime() > STALE_PENDING_MS;
    if (!stale) return existing;
    // Left behind by a request that never finished: release it and claim again (the insert decides who wins).
    await IdempotencyRecord.collection.deleteOne({ _id: id as never, state: 'pending', createdAt: existing.createdAt });
  }
  return IdempotencyRecord.collection.findOne<StoredRecord>({ _id: id as never }) as Promise<StoredRecord>;
}

async function store(masterKey: Buffer, id: string, status: number, body: unknown) {
  if (status >= 300) {
    await IdempotencyRecord.collection.deleteOne({ _id: id as never });
    return;
  }
  const sealed = body === undefined ? null : seal(masterKey, JSON.stringify(body), `idempotency:${id}`);
  await IdempotencyRecord.collection.updateOne({ _id: id as never }, { $set: { state: 'done', status, body: sealed } });
}

export async function sweepExpired(now = new Date()): Promise<number> {
  const result = await IdempotencyRecord.collection.deleteMany({ expiresAt: { $lt: now } });
  return result.deletedCount;
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;
}

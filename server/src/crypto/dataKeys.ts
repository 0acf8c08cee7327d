/**
 * Per-client data keys (envelope encryption, docs/design.md §4): one key for the process dossier and one for the
 * health dossier, each stored wrapped (sealed) by the master key from configuration. Destroying a client's keys
 * makes every ciphertext of that client unreadable, in backups too (crypto-shredding).
 */
import mongoose, { Schema, type Types } from 'mongoose';
import { randomBytes } from 'node:crypto';
import type { Compartment } from '@spoorboek/shared/domain';
import { open, seal } from './masterKeySeal';

const dataKeySchema = new Schema(
  {
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    compartment: { type: String, enum: ['process', 'health'], required: true },
    /** The 256-bit key, sealed with the master key; associated data binds it to client and compartment. */
    wrappedKey: { type: String, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
dataKeySchema.index({ clientId: 1, compartment: 1 }, { unique: true });
export const DataKey = mongoose.model('DataKey', dataKeySchema);

let masterKey: Buffer | null = null;

/** Set once at start-up (createApp, scripts): the key that wraps every data key. */
export function useMasterKey(key: Buffer): void {
  if (key.length !== 32) throw new Error('The master key must be 32 bytes.');
  if (!masterKey?.equals(key)) keyCache.clear();
  masterKey = key;
}

function requireMasterKey(): Buffer {
  if (!masterKey) throw new Error('No master key configured (useMasterKey was not called).');
  return masterKey;
}

const wrapContext = (clientId: string, compartment: Compartment) => `datakey:${clientId}:${compartment}`;

/**
 * Unwrapped data keys of this process, so a request does not fetch and unwrap its client's key again (one round
 * trip per read saved). Only in memory, never written anywhere; bounded (the least recently used go first);
 * dropped when the client's keys are destroyed (`destroyDataKeys`) and whenever the master key is set. Another
 * process keeps its own copy until it restarts or reaches its bound: an erased client's dossier is unreachable
 * there anyway, because erasure also removes or seals what the routes would read.
 */
const KEY_CACHE_LIMIT = 10_000;
const keyCache = new Map<string, Buffer>();
const cacheKey = (clientId: string, compartment: Compartment) => `${clientId}:${compartment}`;

function remember(clientId: string, compartment: Compartment, key: Buffer): Buffer {
  const entry = cacheKey(clientId, compartment);
  keyCache.delete(entry);
  keyCache.set(entry, key);
  if (keyCache.size > KEY_CACHE_LIMIT) keyCache.delete(keyCache.keys().next().value as string);
  return key;
}

function cached(clientId: string, compartment: Compartment): Buffer | undefined {
  const key = keyCache.get(cacheKey(clientId, compartment));
  if (key) remember(clientId, compartment, key);
  return key;
}

/** Forgets every unwrapped key held in memory (a new master key; tests that rewrite keys behind the app). */
export function forgetCachedDataKeys(): void {
  keyCache.clear();
}

/** The client's data key for a compartment, created on first use. */
export async function dataKeyFor(clientId: string | Types.ObjectId, compartment: Compartment): Promise<Buffer> {
  const id = String(clientId);
  const known = cached(id, compartment);
  if (known) return known;
  const existing = await DataKey.findOne({ clientId: id, compartment }, { wrappedKey: 1 }).lean();
  if (existing) return remember(id, compartment, Buffer.from(open(requireMasterKey(), existing.wrappedKey, wrapContext(id, compartment)), 'base64'));
  const key = randomBytes(32);
  try {
    await DataKey.create({ clientId: id, compartment, wrappedKey: seal(requireMasterKey(), key.toString('base64'), wrapContext(id, compartment)) });
    return remember(id, compartment, key);
  } catch (error) {
    // Two first writes at once: the unique index lets one win; use the winner's key.
    if ((error as { code?: number }).code === 11000) return dataKeyFor(id, compartment);
    throw error;
  }
}

/**
 * The existing data keys of many clients for one compartment, in one round trip (a caseload list). A client
 * without a key (erased, or never written) is simply absent: nothing of theirs can be read.
 */
export async function existingDataKeys(clientIds: (string | Types.ObjectId)[], compartment: Compartment): Promise<Map<string, Buffer>> {
  const ids = [...new Set(clientIds.map(String))];
  const keys = new Map<string, Buffer>();
  for (const id of ids) {
    const known = cached(id, compartment);
    if (known) keys.set(id, known);
  }
  const missing = ids.filter((id) => !keys.has(id));
  if (missing.length === 0) return keys;
  const wrapped = await DataKey.find({ clientId: mongoose.trusted({ $in: missing }), compartment }, { clientId: 1, wrappedKey: 1 }).lean();
  for (const { clientId, wrappedKey } of wrapped) {
    const id = String(clientId);
    keys.set(id, remember(id, compartment, Buffer.from(open(requireMasterKey(), wrappedKey, wrapContext(id, compartment)), 'base64')));
  }
  return keys;
}

/**
 * Crypto-shredding (AVG art. 17): both data keys of the client are deleted, so every ciphertext of theirs —
 * in this database, in its backups and in exports made earlier — becomes unreadable noise. Returns how many
 * keys were destroyed; afterwards no key of the client may exist (checked, since an erasure that silently left
 * a key would be a lie to the client).
 */
export async function destroyDataKeys(clientId: string | Types.ObjectId): Promise<number> {
  const id = String(clientId);
  // Forget first: from here on no request of this process may decrypt with them, even if the delete fails.
  for (const compartment of ['process', 'health'] as const) keyCache.delete(cacheKey(id, compartment));
  const { deletedCount } = await DataKey.deleteMany({ clientId: id });
  for (const compartment of ['process', 'health'] as const) keyCache.delete(cacheKey(id, compartment));
  if (await DataKey.exists({ clientId: id })) throw new Error(`data keys of client ${id} survived their destruction`);
  return deletedCount;
}

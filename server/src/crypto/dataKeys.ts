/**
 * Per-client data keys (envelope encryption, docs/design.md §4): one key for the process dossier and one for the
 * health dossier, each stored wrapped (sealed) by the master key from configuration. Destroying a client's keys
 * makes every ciphertext of that client unreadable, in backups too (crypto-shredding).
 */
import mongoose, { Schema, type Types } from 'mongoose';
import { randomBytes } from 'node:crypto';
import type { Compartment } from '../../../shared/src/domain';
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
  masterKey = key;
}

function requireMasterKey(): Buffer {
  if (!masterKey) throw new Error('No master key configured (useMasterKey was not called).');
  return masterKey;
}

const wrapContext = (clientId: string, compartment: Compartment) => `datakey:${clientId}:${compartment}`;

/** The client's data key for a compartment, created on first use. */
export async function dataKeyFor(clientId: string | Types.ObjectId, compartment: Compartment): Promise<Buffer> {
  const id = String(clientId);
  const existing = await DataKey.findOne({ clientId: id, compartment }, { wrappedKey: 1 }).lean();
  if (existing) return Buffer.from(open(requireMasterKey(), existing.wrappedKey, wrapContext(id, compartment)), 'base64');
  const key = randomBytes(32);
  try {
    await DataKey.create({ clientId: id, compartment, wrappedKey: seal(requireMasterKey(), key.toString('base64'), wrapContext(id, compartment)) });
    return key;
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
  if (ids.length === 0) return new Map();
  const wrapped = await DataKey.find({ clientId: mongoose.trusted({ $in: ids }), compartment }, { clientId: 1, wrappedKey: 1 }).lean();
  return new Map(wrapped.map(({ clientId, wrappedKey }) => {
    const id = String(clientId);
    return [id, Buffer.from(open(requireMasterKey(), wrappedKey, wrapContext(id, compartment)), 'base64')];
  }));
}

/**
 * Crypto-shredding (AVG art. 17): both data keys of the client are deleted, so every ciphertext of theirs —
 * in this database, in its backups and in exports made earlier — becomes unreadable noise. Returns how many
 * keys were destroyed; afterwards no key of the client may exist (checked, since an erasure that silently left
 * a key would be a lie to the client).
 */
export async function destroyDataKeys(clientId: string | Types.ObjectId): Promise<number> {
  const id = String(clientId);
  const { deletedCount } = await DataKey.deleteMany({ clientId: id });
  if (await DataKey.exists({ clientId: id })) throw new Error(`data keys of client ${id} survived their destruction`);
  return deletedCount;
}

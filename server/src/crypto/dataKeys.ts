/**
 * Per-client data keys (envelope encryption, DESIGN.md §4): one key for the process dossier and one for the
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

/** Crypto-shredding: every ciphertext of this client becomes unreadable. */
export async function destroyDataKeys(clientId: string | Types.ObjectId): Promise<void> {
  await DataKey.deleteMany({ clientId: String(clientId) });
}

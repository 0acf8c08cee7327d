/**
 * Dossier content at rest: AES-256-GCM under the client's data key for the compartment. The associated data
 * names client, compartment, document and field, so a ciphertext copied to another record or client fails to
 * open instead of showing the wrong person's data.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Types } from 'mongoose';
import type { Compartment } from '@spoorboek/shared/domain';
import { dataKeyFor, existingDataKeys } from './dataKeys';

/** Where a ciphertext belongs: checked on every decryption. */
export interface Place {
  clientId: string | Types.ObjectId;
  compartment: Compartment;
  /** Model and document id, e.g. `Consult:65a…`. */
  record: string;
  field: string;
}

const TEXT_PREFIX = 'enc1:';
const VERSION = 1;

/** Whether a stored text field holds ciphertext (and not plain text that slipped past the sealing). */
export const isSealed = (value: unknown): value is string => typeof value === 'string' && value.startsWith(TEXT_PREFIX);

const associatedData = (place: Place) =>
  Buffer.from(`${String(place.clientId)}|${place.compartment}|${place.record}|${place.field}`);

function encrypt(key: Buffer, plaintext: Buffer, place: Place): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(place));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]);
}

function decrypt(key: Buffer, sealed: Buffer, place: Place): Buffer {
  if (sealed[0] !== VERSION || sealed.length < 29) throw new Error('unknown ciphertext format');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13));
  decipher.setAAD(associatedData(place));
  decipher.setAuthTag(sealed.subarray(13, 29));
  return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
}

export async function encryptBytes(place: Place, plaintext: Buffer): Promise<Buffer> {
  return encrypt(await dataKeyFor(place.clientId, place.compartment), plaintext, place);
}

export async function decryptBytes(place: Place, sealed: Buffer): Promise<Buffer> {
  return decrypt(await dataKeyFor(place.clientId, place.compartment), sealed, place);
}

/**
 * A text field's ciphertext as a string (`enc1:` + base64). The lock holds one data key for one client and
 * compartment, so a list of records costs one key lookup.
 */
export class Lock {
  private constructor(private readonly key: Buffer, readonly clientId: string, readonly compartment: Compartment) {}

  static async for(clientId: string | Types.ObjectId, compartment: Compartment): Promise<Lock> {
    return new Lock(await dataKeyFor(clientId, compartment), String(clientId), compartment);
  }

  /**
   * Locks for many clients at once (one key query). A client without a key is absent from the map: their data
   * cannot be read any more (crypto-shredded) and no key is created just to look.
   */
  static async forMany(clientIds: (string | Types.ObjectId)[], compartment: Compartment): Promise<Map<string, Lock>> {
    const keys = await existingDataKeys(clientIds, compartment);
    return new Map([...keys].map(([clientId, key]) => [clientId, new Lock(key, clientId, compartment)]));
  }

  seal(plaintext: string, record: string, field: string): string;
  seal(plaintext: string | null | undefined, record: string, field: string): string | null;
  seal(plaintext: string | null | undefined, record: string, field: string): string | null {
    if (plaintext === null || plaintext === undefined) return null;
    return TEXT_PREFIX + encrypt(this.key, Buffer.from(plaintext, 'utf8'), this.place(record, field)).toString('base64');
  }

  open(sealed: string, record: string, field: string): string;
  open(sealed: string | null | undefined, record: string, field: string): string | null;
  open(sealed: string | null | undefined, record: string, field: string): string | null {
    if (sealed === null || sealed === undefined) return null;
    if (!sealed.startsWith(TEXT_PREFIX)) throw new Error(`field ${field} of ${record} is not encrypted`);
    return decrypt(this.key, Buffer.from(sealed.slice(TEXT_PREFIX.length), 'base64'), this.place(record, field)).toString('utf8');
  }

  private place(record: string, field: string): Place {
    return { clientId: this.clientId, compartment: this.compartment, record, field };
  }
}

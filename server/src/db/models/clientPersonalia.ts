/**
 * The personal details that identify a client — names, date of birth, e-mail, phone, address — are stored as
 * ciphertext under the client's process data key, like the BSN and the dossier's free text. Only then does
 * destroying the keys erase the person (crypto-shredding, AVG art. 17): a name kept in plain text would outlive
 * every key. The associated data (client|process|Client:<id>|<field>) binds each value to its client and field.
 */
import type { Types } from 'mongoose';
import { isSealed, Lock } from '../../crypto/envelope';
import { day, sealedFields, text } from '../../crypto/sealed';

export const PERSONAL_FIELDS = ['firstName', 'lastName', 'dateOfBirth', 'email', 'phone', 'address'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** Shown where a name can no longer be read (the client was erased, or their key is gone). */
export const UNREADABLE_NAME = '[gewist]';

export interface Personalia {
  firstName: string;
  lastName: string;
  dateOfBirth: Date | null;
  email: string | null;
  phone: string | null;
  address: string | null;
}

/** The client's sealed fields: the personal details and the BSN, bound to `Client:<id>`. */
export const sealedClient = sealedFields('Client', 'process', {
  firstName: text, lastName: text, dateOfBirth: day, email: text, phone: text, address: text, bsn: text,
}, { clientOf: (client) => client._id as string });

const record = (clientId: string | Types.ObjectId) => `Client:${String(clientId)}`;

/** A date of birth is a calendar day: stored as `YYYY-MM-DD` inside the ciphertext. */
export const dayText = (value: Date) => value.toISOString().slice(0, 10);

/** Seals every personal field of `values` that is still plain text (mutates and returns it). */
export function sealPersonalia<T extends Record<string, unknown>>(lock: Lock, clientId: string | Types.ObjectId, values: T): T {
  const target = values as Record<string, unknown>;
  for (const field of PERSONAL_FIELDS) {
    let value = target[field];
    if (value === undefined || value === null || isSealed(value)) continue;
    if (value instanceof Date) value = dayText(value);
    target[field] = lock.seal(String(value), record(clientId), field);
  }
  return values;
}

/** Whether some personal field of `values` is plain text (a write that must not reach the database). */
export function hasPlainPersonalia(values: Record<string, unknown>): boolean {
  return PERSONAL_FIELDS.some((field) => values[field] !== undefined && values[field] !== null && !isSealed(values[field]));
}

/**
 * The client's personal details in the clear. Without a lock (keys destroyed) the names read `[gewist]` and the
 * rest is empty, so a list never fails on one erased entry.
 */
export function openPersonalia(lock: Lock | undefined, client: { _id: unknown } & Partial<Record<PersonalField, unknown>>): Personalia {
  const open = (field: PersonalField) => {
    const value = client[field];
    if (value === undefined || value === null) return null;
    if (!lock) return null;
    return lock.open(String(value), record(String(client._id)), field);
  };
  const born = open('dateOfBirth');
  return {
    firstName: lock ? (open('firstName') ?? '') : UNREADABLE_NAME,
    lastName: lock ? (open('lastName') ?? '') : UNREADABLE_NAME,
    dateOfBirth: born ? new Date(`${born}T00:00:00.000Z`) : null,
    email: open('email'),
    phone: open('phone'),
    address: open('address'),
  };
}

/** Many clients opened with one key query: a caseload, an employer's employees, the relation register. */
export async function openClients<T extends { _id: unknown }>(clients: T[]): Promise<(Omit<T, PersonalField> & Personalia)[]> {
  const locks = await Lock.forMany(clients.map((client) => String(client._id)), 'process');
  return clients.map((client) => ({ ...client, ...openPersonalia(locks.get(String(client._id)), client as never) }));
}

const TUSSENVOEGSELS = new Set(['de', 'den', 'der', 'van', 'het', "'t", 'te', 'ten', 'ter', 'in', 'op', 'la', 'le', 'du', 'von']);

/** A last name as Dutch lists file it: "de Wit" under W, "van der Berg" under B (NEN 1888 sorting practice). */
export function sortableLastName(lastName: string): string {
  const words = lastName.trim().split(/\s+/);
  while (words.length > 1 && TUSSENVOEGSELS.has(words[0]!.toLocaleLowerCase('nl'))) words.shift();
  return words.join(' ');
}

/** Dutch sort order of a list of people: last name without tussenvoegsel, then first name. */
export const byName = (a: Personalia, b: Personalia) =>
  sortableLastName(a.lastName).localeCompare(sortableLastName(b.lastName), 'nl') || a.firstName.localeCompare(b.firstName, 'nl');

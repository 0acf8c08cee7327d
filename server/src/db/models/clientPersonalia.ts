/**
 * The personal details that identify a client — names, date of birth, e-mail, phone, address — are stored as
 * ciphertext under the client's process data key, like the BSN and the dossier's free text. Only then does
 * destroying the keys erase the person (crypto-shredding, AVG art. 17): a name kept in plain text would outlive
 * every key. The associated data (client|process|Client:<id>|<field>) binds each value to its client and field.
 */
import { isSealed, type Lock } from '../../crypto/envelope';
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

/** A date of birth is a calendar day: stored as `YYYY-MM-DD` inside the ciphertext. */
export const dayText = (value: Date) => value.toISOString().slice(0, 10);

/** Whether some sealed field of `values` is plain text (a write that must not reach the database). */
export function hasPlainPersonalia(values: Record<string, unknown>): boolean {
  return sealedClient.paths.some((field) => values[field] !== undefined && values[field] !== null && !isSealed(values[field]));
}

/** Read where the client's key is gone. */
const GONE = Symbol('key destroyed');

function personaliaOf(opened: Record<PersonalField, unknown>): Personalia {
  const value = (field: PersonalField) => (opened[field] === GONE ? null : (opened[field] as string | null));
  return {
    firstName: opened.firstName === GONE ? UNREADABLE_NAME : (value('firstName') ?? ''),
    lastName: opened.lastName === GONE ? UNREADABLE_NAME : (value('lastName') ?? ''),
    dateOfBirth: opened.dateOfBirth === GONE ? null : (opened.dateOfBirth as Date | null),
    email: value('email'),
    phone: value('phone'),
    address: value('address'),
  };
}

/**
 * The client's personal details in the clear. Without a lock (keys destroyed) the names read `[gewist]` and the
 * rest is empty, so a list never fails on one erased entry.
 */
export function openPersonalia(lock: Lock | undefined, client: { _id: unknown } & Partial<Record<PersonalField, unknown>>): Personalia {
  return personaliaOf(sealedClient.openWith(lock, client, { only: PERSONAL_FIELDS, unreadable: GONE }));
}

/** Many clients opened with one key query: a caseload, an employer's employees, the relation register. */
export async function openClients<T extends { _id: unknown }>(clients: T[]): Promise<(Omit<T, PersonalField> & Personalia)[]> {
  const opened = await sealedClient.openAll<Record<PersonalField, unknown>>(clients, { existingKeysOnly: true, only: PERSONAL_FIELDS, unreadable: GONE });
  return clients.map((client, index) => ({ ...client, ...personaliaOf(opened[index]!) }));
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

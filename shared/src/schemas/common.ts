/** Building blocks the dossier schemas share: ids, calendar days, free text, paging. */
import { z } from './zod';

export { id, objectId, timestamp } from './auth';

/**
 * Characters no name or text of ours needs and that only serve to deceive: NUL (cuts strings short in C-based
 * tools) and the bidirectional controls that make "rapport‮fdp.exe" read as "rapportexe.pdf" (Unicode TR #36,
 * "Trojan Source" CVE-2021-42574): U+200E/U+200F, U+202A–U+202E and U+2066–U+2069.
 */
// eslint-disable-next-line no-control-regex
export const UNSAFE_CHARACTERS = /[\u0000\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** A calendar day as users enter it (JJJJ-MM-DD), stored as midnight UTC. */
export const day = z.iso.date('Gebruik een datum in de vorm JJJJ-MM-DD.')
  .transform((value) => new Date(`${value}T00:00:00.000Z`));

/** The message for a field holding one of the UNSAFE_CHARACTERS, naming the field by its label. */
export const unsafeCharacterMessage = (label: string) =>
  `${label}: bevat een onzichtbaar teken dat niet is toegestaan (een nul-teken of een teken dat de leesrichting omkeert).`;

/** A string schema that refuses the UNSAFE_CHARACTERS; every name and free text is built on it. */
export const withoutUnsafeCharacters = <T extends z.ZodString>(schema: T, label = 'Dit veld') =>
  schema.refine((value) => !UNSAFE_CHARACTERS.test(value), unsafeCharacterMessage(label));

/** "Vul de voornaam in." → "Voornaam": the label a field's own empty-message already names. */
export function labelFrom(emptyMessage: string): string {
  const named = /^Vul (?:de |het |uw )?(.+?) in\.?$/.exec(emptyMessage)?.[1];
  return named ? named[0]!.toUpperCase() + named.slice(1) : 'Dit veld';
}

/** Free text written by a person: trimmed, never empty, bounded, no unsafe characters. */
export const text = (max: number, empty = 'Vul dit veld in.', label = labelFrom(empty)) =>
  withoutUnsafeCharacters(z.string().trim().min(1, empty).max(max, `Maximaal ${max} tekens.`), label);

/** Optional free text (may be left out or null): trimmed, bounded, no unsafe characters. */
export const optionalText = (max: number, label: string) =>
  withoutUnsafeCharacters(z.string().trim().max(max, `Maximaal ${max} tekens.`), label).nullable().optional();

export const Paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
};

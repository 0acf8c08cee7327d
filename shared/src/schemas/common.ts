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

/** Free text written by a person: trimmed, never empty, bounded. */
export const text = (max: number, empty = 'Vul dit veld in.') =>
  z.string().trim().min(1, empty).max(max, `Maximaal ${max} tekens.`);

export const Paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
};

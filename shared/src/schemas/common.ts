/** Building blocks the dossier schemas share: ids, calendar days, free text, paging. */
import { z } from './zod';

export { id, objectId, timestamp } from './auth';

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

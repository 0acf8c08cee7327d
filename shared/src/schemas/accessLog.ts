import { AUDIT_ACTIONS, AUDIT_OUTCOMES, ROLES } from '../domain';
import { day, id, timestamp } from './common';
import { z } from './zod';

/** "Wie heeft mijn dossier ingezien": a period, both ends included. */
export const AccessLogQuery = z.object({ from: day.optional(), to: day.optional() }).strict()
  .refine((query) => !query.from || !query.to || query.to >= query.from, { message: 'De einddatum ligt vóór de begindatum.', path: ['to'] });

export const AccessLogView = z.object({
  items: z.array(z.object({
    _id: id, seq: z.number(), at: timestamp, action: z.enum(AUDIT_ACTIONS), outcome: z.enum(AUDIT_OUTCOMES), clientId: id.nullable(),
    actor: z.object({ userId: id.nullable(), name: z.string().nullable(), roles: z.array(z.enum(ROLES)), organisationId: id.nullable(), onBehalfOf: z.string().nullable() }).partial(),
    object: z.object({ type: z.string().nullable(), id: z.string().nullable(), compartment: z.enum(['process', 'health', 'system']) }).partial(),
  }).partial()),
});

import { AUDIT_ACTIONS, AUDIT_OUTCOMES, ROLES } from '../domain';
import { day, id, timestamp } from './common';
import { z } from './zod';

/**
 * "Wie heeft mijn dossier ingezien": a period (both ends included), a page of grouped lines, and whether the
 * client's own actions are shown (they are not by default: the client knows what they did).
 */
export const AccessLogQuery = z.object({
  from: day.optional(),
  to: day.optional(),
  includeOwn: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
}).strict()
  .refine((query) => !query.from || !query.to || query.to >= query.from, { message: 'De einddatum ligt vóór de begindatum.', path: ['to'] });
export type AccessLogQuery = z.infer<typeof AccessLogQuery>;

/** One line: who did what with which part of the dossier on one day, how often, in plain Dutch. */
export const AccessLogView = z.object({
  items: z.array(z.object({
    day: z.string(), firstAt: timestamp, lastAt: timestamp, who: z.string(), own: z.boolean(),
    compartment: z.enum(['process', 'health', 'system']), type: z.string(), action: z.enum(AUDIT_ACTIONS), outcome: z.enum(AUDIT_OUTCOMES),
    count: z.number().int(), line: z.string(),
  })),
  total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
  /** How many lines of the client's own actions the period holds, hidden unless asked for. */
  ownLines: z.number().int(),
});

/** One event of the trail, whole: only the privacy officer reads the trail itself (the client reads lines). */
const AuditEventView = z.object({
  _id: id, seq: z.number(), at: timestamp, action: z.enum(AUDIT_ACTIONS), outcome: z.enum(AUDIT_OUTCOMES), reason: z.string().nullable(),
  clientId: id.nullable(),
  actor: z.object({ userId: id.nullable(), name: z.string().nullable(), roles: z.array(z.enum(ROLES)), organisationId: id.nullable(), onBehalfOf: z.string().nullable() }),
  accessPoint: z.object({ ip: z.string().nullable(), userAgent: z.string().nullable() }),
  object: z.object({ type: z.string().nullable(), id: z.string().nullable(), compartment: z.enum(['process', 'health', 'system']) }),
  prevHash: z.string(), hash: z.string(),
});

/** The privacy officer's audit-log viewer. */
export const AuditLogQuery = z.object({
  from: day.optional(),
  to: day.optional(),
  clientId: z.string().regex(/^[0-9a-f]{24}$/i, 'Ongeldige id.').optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
}).strict();
export const AuditLogPage = z.object({
  items: z.array(AuditEventView),
  total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
});
export const AuditVerifyView = z.object({
  ok: z.boolean(), count: z.number().int(), head: z.string().optional(), brokenAt: z.number().int().optional(), problem: z.string().optional(),
  /** Dossier records without their create event in the chain (repaired at the next start-up). */
  unaudited: z.number().int(), unauditedRecords: z.array(z.object({ type: z.string(), id: z.string() })),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuery>;

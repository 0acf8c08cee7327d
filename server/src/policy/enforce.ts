/**
 * The CASL glue every dossier route uses, three calls that look the same everywhere (docs/architecture.md, "A request's path"):
 *   findScoped / listScoped — the query can only return documents the ability allows (accessibleBy);
 *   authorize               — a single document and action (and field) checked before use;
 *   present                 — the response reduced to the fields the ability allows (permittedFieldsOf).
 * Health-compartment access and every denied attempt are written to the audit chain here, so no route can forget.
 */
import { subject as tagSubject } from '@casl/ability';
import { accessibleBy } from '@casl/mongoose';
import mongoose, { type FilterQuery, type HydratedDocument, type Model } from 'mongoose';
import type { Actor } from '@spoorboek/shared/policy/actor';
import { permittedFields } from '@spoorboek/shared/policy/fields';
import { defineAbilityFor, RESTRICTION_REASON, type AppAbility, type TaggedSubject } from '@spoorboek/shared/policy/rules';
import { compartmentOf, type Action, type SubjectType } from '@spoorboek/shared/policy/subjects';
import type { AuditAction } from '@spoorboek/shared/domain';
import { appendAuditEvent } from '../audit/record';
import { Client } from '../db/models/client';
import { forbidden, locked, notFound } from '../http/problem';
import { results } from '../modules/privacy/reasons';

export interface AccessPoint {
  ip: string | null;
  userAgent: string | null;
}

/** The actor of one request: who, with which facts, their ability, and where from. */
export interface RequestActor extends Actor {
  ability: AppAbility;
  accessPoint: AccessPoint;
}

export function withAbility(actor: Actor, accessPoint: AccessPoint): RequestActor {
  return { ...actor, ability: defineAbilityFor(actor), accessPoint };
}

/** A filter that matches nothing, in a form FerretDB understands (it rejects CASL's `$expr` version). */
const MATCH_NOTHING = { _id: { $in: [] as string[] } };

/**
 * `accessibleBy(...).ofType(...)` combined with the caller's filter through `$and`. Operator objects produced
 * by the policy are marked trusted for mongoose's `sanitizeFilter`; the caller's filter stays sanitized.
 */
export function scopedFilter<T>(ability: AppAbility, action: Action, type: SubjectType, filter: FilterQuery<T> = {}): FilterQuery<T> {
  const query = accessibleBy(ability, action).ofType(type) as Record<string, unknown>;
  // Still with the caller's filter: it names the client, so even this query goes to one shard.
  if ('$expr' in query) return { $and: [trustOperators(MATCH_NOTHING), filter] } as FilterQuery<T>;
  return { $and: [trustOperators(query), filter] } as FilterQuery<T>;
}

function trustOperators(query: Record<string, unknown>): Record<string, unknown> {
  const trusted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (['$and', '$or', '$nor'].includes(key) && Array.isArray(value)) {
      trusted[key] = value.map((part) => trustOperators(part as Record<string, unknown>));
    } else if (isOperatorObject(value)) {
      trusted[key] = mongoose.trusted({ ...value });
    } else {
      trusted[key] = value;
    }
  }
  return trusted;
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) &&
    Object.keys(value).some((key) => key.startsWith('$'));
}

/** Plain data tagged with its subject type, ids as strings, as the policy's conditions expect. */
export function asSubject(type: SubjectType, document: unknown): TaggedSubject {
  const plain = isMongooseDocument(document) ? document.toObject({ depopulate: true, virtuals: false }) : document;
  return tagSubject(type, normaliseIds(plain) as Record<string, unknown>) as TaggedSubject;
}

function isMongooseDocument(value: unknown): value is HydratedDocument<unknown> {
  return value instanceof mongoose.Document;
}

function normaliseIds(value: unknown): unknown {
  if (value instanceof mongoose.Types.ObjectId) return value.toHexString();
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  if (Buffer.isBuffer(value)) return value;
  if (Array.isArray(value)) return value.map(normaliseIds);
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, normaliseIds(entry)]));
}

function clientIdOf(type: SubjectType, plain: Record<string, unknown>): string | null {
  const id = type === 'Client' ? plain._id : plain.clientId;
  return id === undefined || id === null ? null : String(id);
}

const AUDIT_ACTION_FOR: Partial<Record<Action, AuditAction>> = {
  create: 'create', read: 'read', update: 'update', delete: 'delete', erase: 'delete', restrict: 'update', send: 'send', approve: 'approve',
  dispute: 'dispute', share: 'share', grant: 'grant', withdraw: 'withdraw', assign: 'assign', export: 'export', hold: 'update',
};

export async function auditAccess(
  actor: RequestActor,
  action: Action | AuditAction,
  type: SubjectType,
  details: { id?: string | null; clientId?: string | null; outcome: 'allowed' | 'denied'; reason?: string | null },
): Promise<void> {
  await appendAuditEvent({
    action: (AUDIT_ACTION_FOR[action as Action] ?? action) as AuditAction,
    outcome: details.outcome,
    reason: details.reason ?? null,
    clientId: details.clientId ?? null,
    // A client acting on their own dossier is named by id only: the audit trail holds no client's name, so it needs
    // no erasing when the client is erased (AVG art. 17) and its chain stays intact.
    actor: { userId: actor.userId, name: actor.clientId ? null : actor.name, roles: actor.roles, organisationId: actor.organisationId },
    accessPoint: actor.accessPoint,
    object: { type, id: details.id ?? null, compartment: compartmentOf(type) === 'health' ? 'health' : compartmentOf(type) },
  });
}

/**
 * The instance check: throws a 403 problem (and records the denied attempt) unless the ability allows `action`
 * on this document (and `field`, when given).
 */
export async function authorize(actor: RequestActor, action: Action, type: SubjectType, document: unknown, field?: string) {
  const tagged = asSubject(type, document);
  if (actor.ability.can(action, tagged, field)) return;
  const rule = actor.ability.relevantRuleFor(action, tagged, field);
  await auditAccess(actor, action, type, {
    id: tagged._id === undefined ? null : String(tagged._id),
    clientId: clientIdOf(type, tagged),
    outcome: 'denied',
    reason: rule?.inverted ? (rule.reason ?? 'verboden door een regel') : 'geen regel staat het toe',
  });
  throw refusal(rule);
}

/** 423 for a dossier under restriction (AVG art. 18), 403 with the rule's reason otherwise. */
function refusal(rule: ReturnType<AppAbility['relevantRuleFor']>) {
  if (rule?.inverted && rule.reason === RESTRICTION_REASON) return locked(RESTRICTION_REASON);
  return forbidden(rule?.inverted && rule.reason ? rule.reason : undefined);
}

/** Reads of dossier content are recorded (NEN 7513); the client sees them in "wie heeft mijn dossier ingezien". */
const isDossier = (type: SubjectType) => compartmentOf(type) !== 'system';

/**
 * One document by filter, within the actor's slice. Outside it: 404 when it does not exist at all, otherwise a
 * recorded denial and 403. Dossier reads and every health-compartment access are recorded as they happen; a
 * service that loads a document only to change it passes `recordRead: false` and records the change instead.
 */
export async function findScoped<T>(
  actor: RequestActor,
  action: Action,
  model: Model<T>,
  filter: FilterQuery<T>,
  { recordRead = true }: { recordRead?: boolean } = {},
): Promise<HydratedDocument<T>> {
  const type = model.modelName as SubjectType;
  const document = await model.findOne(scopedFilter<T>(actor.ability, action, type, filter));
  if (!document) {
    const existing = await model.findOne(filter, { _id: 1, clientId: 1 }).lean<{ _id: unknown; clientId?: unknown }>();
    if (!existing) throw notFound();
    await authorize(actor, action, type, existing); // records the denial and throws
    throw forbidden();
  }
  await authorize(actor, action, type, document);
  const recorded = compartmentOf(type) === 'health' || (recordRead && action === 'read' && isDossier(type));
  if (recorded) {
    await auditAccess(actor, action, type, { id: String(document._id), clientId: clientIdOf(type, asSubject(type, document)), outcome: 'allowed' });
  }
  return document;
}

/** A list within the actor's slice. A list of one client's records (and any health list) is recorded as a search. */
export async function listScoped<T>(
  actor: RequestActor,
  action: Action,
  model: Model<T>,
  filter: FilterQuery<T> = {},
  options: { sort?: Record<string, 1 | -1>; skip?: number; limit?: number } = {},
): Promise<HydratedDocument<T>[]> {
  const type = model.modelName as SubjectType;
  const query = model.find(scopedFilter<T>(actor.ability, action, type, filter));
  if (options.sort) query.sort(options.sort);
  if (options.skip) query.skip(options.skip);
  if (options.limit) query.limit(options.limit);
  const documents = await query;
  const clientId = typeof filter.clientId === 'string' || filter.clientId instanceof mongoose.Types.ObjectId
    ? String(filter.clientId) : null;
  if (compartmentOf(type) === 'health' || (clientId && isDossier(type))) {
    await auditAccess(actor, 'search', type, { clientId, outcome: 'allowed', reason: results(documents.length) });
  }
  return documents;
}

/** How many documents a list within the actor's slice holds (for paging). */
export async function countScoped<T>(actor: RequestActor, action: Action, model: Model<T>, filter: FilterQuery<T> = {}): Promise<number> {
  return model.countDocuments(scopedFilter<T>(actor.ability, action, model.modelName as SubjectType, filter));
}

/**
 * The gate of every route under /clients/{clientId}/…: the client must be within the actor's slice (404 when it
 * does not exist, a recorded 403 otherwise), and the actor must hold some `action` right on `type` at all.
 */
export async function enterClient(actor: RequestActor, clientId: string, action: Action, type: SubjectType): Promise<void> {
  const client = await Client.exists(scopedFilter(actor.ability, 'read', 'Client', { _id: clientId }));
  if (!client) {
    if (!(await Client.exists({ _id: clientId }))) throw notFound('Deze cliënt bestaat niet.');
    await authorize(actor, 'read', 'Client', { _id: clientId }); // records the denial and throws
  }
  await requireSomeRight(actor, action, type, clientId);
}

/**
 * A type-level check ("may this actor ever do `action` on a `type`?"), recorded and 403 when not. Workflow
 * services call it before judging the state, so a role that may never act gets 403 and only one that may
 * but not now gets 409.
 */
export async function requireSomeRight(actor: RequestActor, action: Action, type: SubjectType, clientId: string | null = null) {
  if (actor.ability.can(action, type)) return;
  const rule = actor.ability.relevantRuleFor(action, type);
  await auditAccess(actor, action, type, {
    clientId, outcome: 'denied', reason: rule?.inverted ? (rule.reason ?? 'verboden door een regel') : 'geen regel staat het toe',
  });
  throw refusal(rule);
}

/** The response: only the fields the actor may read of this document. */
export function present(actor: RequestActor, type: SubjectType, document: unknown): Record<string, unknown> {
  const tagged = asSubject(type, document);
  const fields = permittedFields(actor.ability, 'read', tagged, type);
  const presented: Record<string, unknown> = {};
  for (const field of fields) {
    if (field in tagged) presented[field] = (tagged as Record<string, unknown>)[field];
  }
  return presented;
}

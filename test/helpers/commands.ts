/**
 * Every database command the app sends during a test, per request (`onRequestCommands` in createApp), and the
 * shard-key rule checked on them: a query on a collection whose documents belong to one client names that client
 * (`clientId` by equality or `$in`), so a cluster sharded by `clientId` routes it to one shard.
 */
import type { Document } from 'mongodb';
import { clientScopedCollections, namesClient, type RecordedCommand } from '../../server/src/db/commandLog';

export interface ObservedRequest {
  request: { method: string; route: string; status: number };
  commands: RecordedCommand[];
}

/**
 * Collections that carry `clientId` but are not dossier collections, or queries that are cross-client by nature
 * (and rare enough to be sent to every shard), with the reason.
 */
export const NOT_SHARDED_BY_CLIENT: Record<string, string> = {
  User: 'accounts: a client account links to its client, but accounts are found by id and e-mail at sign-in',
  AuditEvent: 'the audit chain is one sequence for the whole bureau, appended and verified in order',
  BreachSignal: 'signals drawn from the audit chain for the whole bureau; the privacy officer lists them all',
  RoleGrant: 'accounts: a grant may link an account to a client, but grants are found by account and by the administrator',
  DataSubjectRequest: 'the privacy officer’s register across all clients (a few requests a year each), addressed by request number',
  Tombstone: 'what is left of an erased client (service and year): read whole for the relation register, one per client',
};

export const CROSS_CLIENT_QUERIES: { collection: string; keys: string[]; why: string }[] = [
  { collection: 'handovers', keys: ['toCoachId'], why: 'the actor’s facts: which clients were handed over to this coach' },
  { collection: 'activities', keys: ['date'], why: 'the yearly management figures count every client’s hours, anonymously' },
  { collection: 'tombstones', keys: ['completedAt', 'requestId'], why: 'the retention run finishes every erasure it began, whoever the client' },
  { collection: 'dataexports', keys: ['status', 'expiresAt'], why: 'the sweep of expired exports, every client’s' },
  { collection: 'dataexports', keys: ['status', 'updatedAt'], why: 'the sweep of exports cut off by a restart, every client’s' },
];

/** Requests that read every client's records by nature, with the reason. */
export const CROSS_CLIENT_ROUTES: { route: string; why: string }[] = [
  { route: 'GET /api/v1/audit/verify', why: 'the coverage check compares every dossier record with the audit chain' },
];

let observed: ObservedRequest[] = [];

export function observeRequestCommands(request: ObservedRequest['request'], commands: RecordedCommand[]): void {
  observed.push({ request, commands });
}

/** The requests since the last call, and forget them. */
export function takeObservedRequests(): ObservedRequest[] {
  const taken = observed;
  observed = [];
  return taken;
}

export function shardKeyViolations(requests: ObservedRequest[]): string[] {
  const scoped = clientScopedCollections(Object.keys(NOT_SHARDED_BY_CLIENT));
  const allowed = (collection: string, filter: Document) =>
    CROSS_CLIENT_QUERIES.some((query) => query.collection === collection && query.keys.every((key) => key in filter));
  const violations = new Set<string>();
  for (const { request, commands } of requests) {
    if (CROSS_CLIENT_ROUTES.some(({ route }) => route === `${request.method} ${request.route}`)) continue;
    for (const command of commands) {
      if (!command.collection || !scoped.has(command.collection)) continue;
      for (const filter of command.filters) {
        if (namesClient(filter) || allowed(command.collection, filter)) continue;
        violations.add(`${request.method} ${request.route}: ${command.name} ${command.collection} ${JSON.stringify(Object.keys(filter))}`);
      }
    }
  }
  return [...violations];
}

/**
 * What the app sends to the database, from the driver's command monitoring: the command count of a request (the
 * cost that matters on FerretDB, where every filter scans) and whether each query on a dossier collection names
 * its client, so that a cluster sharded by `clientId` can route it to one shard (docs/design.md §6).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { CommandStartedEvent, Document, MongoClient } from 'mongodb';
import mongoose from 'mongoose';

export interface RecordedCommand {
  name: string;
  collection: string | null;
  /** The filters the command selects documents with (one per statement of a bulk update or delete). */
  filters: Document[];
}

const SELECTING: Record<string, (command: Document) => Document[]> = {
  find: (command) => [command.filter ?? {}],
  count: (command) => [command.query ?? {}],
  distinct: (command) => [command.query ?? {}],
  findAndModify: (command) => [command.query ?? {}],
  update: (command) => ((command.updates ?? []) as Document[]).map((statement) => statement.q ?? {}),
  delete: (command) => ((command.deletes ?? []) as Document[]).map((statement) => statement.q ?? {}),
  aggregate: (command) => {
    const first = ((command.pipeline ?? []) as Document[])[0];
    return [first && '$match' in first ? (first.$match as Document) : {}];
  },
};

const IGNORED = new Set(['hello', 'isMaster', 'ping', 'endSessions', 'saslStart', 'saslContinue']);

function describe(event: CommandStartedEvent): RecordedCommand {
  const target = event.command[event.commandName] as unknown;
  return {
    name: event.commandName,
    collection: typeof target === 'string' ? target : null,
    filters: SELECTING[event.commandName]?.(event.command) ?? [],
  };
}

/** The commands of the request being served (see `recordRequestCommands`). */
const requestScope = new AsyncLocalStorage<RecordedCommand[]>();

let watching: MongoClient | null = null;

/**
 * Attaches one listener to the driver (connected with `monitorCommands: true`) that files each command under the
 * request that sent it. Idempotent.
 */
export function watchCommands(client: MongoClient = mongoose.connection.getClient() as unknown as MongoClient): void {
  if (watching === client) return;
  watching = client;
  client.on('commandStarted', (event: CommandStartedEvent) => {
    const commands = requestScope.getStore();
    if (commands && !IGNORED.has(event.commandName)) commands.push(describe(event));
  });
}

/** Runs `work` (a request's middleware chain) with its own command list, handed to `done` by the caller. */
export function recordRequestCommands<T>(commands: RecordedCommand[], work: () => T): T {
  return requestScope.run(commands, work);
}

/**
 * True when the filter pins `clientId` (an equality or `$in`), at the top, inside one part of an `$and`, or in
 * every branch of an `$or` (a router targets each branch on its own).
 */
export function namesClient(filter: Document): boolean {
  if ('clientId' in filter) {
    const value = filter.clientId as unknown;
    if (value === null || typeof value !== 'object') return true;
    const operators = Object.keys(value as Document);
    return operators.length === 0 || operators.every((operator) => ['$eq', '$in'].includes(operator)) ||
      !operators.some((operator) => operator.startsWith('$')); // an ObjectId or a nested document value
  }
  if (Array.isArray(filter.$or) && filter.$or.length > 0 && (filter.$or as Document[]).every(namesClient)) return true;
  return Array.isArray(filter.$and) && (filter.$and as Document[]).some(namesClient);
}

/** The collections whose documents belong to one client: every model with a `clientId` path. */
export function clientScopedCollections(exempt: readonly string[] = []): Set<string> {
  return new Set(Object.values(mongoose.models)
    .filter((model) => model.schema.path('clientId') && !exempt.includes(model.modelName))
    .map((model) => model.collection.collectionName));
}

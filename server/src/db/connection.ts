/**
 * The database connection. Models live on mongoose's default connection. Settings chosen for a system that must
 * fail fast and safely: user input can never smuggle query operators in (`sanitizeFilter`), unknown filter keys
 * are dropped (`strictQuery`), and with the database gone a request fails in seconds (`bufferCommands` off, short
 * server selection) instead of hanging; a stalled database (answering nothing) fails an operation after its socket
 * timeout, and a request waiting for a pooled connection gives up after the same time.
 */
import mongoose from 'mongoose';

mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', true);
mongoose.set('bufferCommands', false);
// Without buffering, mongoose's automatic init would race the connection: indexes are built in connectDatabase.
mongoose.set('autoIndex', false);
mongoose.set('autoCreate', false);

export interface ConnectOptions {
  serverSelectionTimeoutMs?: number;
  /** How long one operation may go unanswered (socket timeout, and the wait for a pooled connection). */
  operationTimeoutMs?: number;
  /** Overrides the database named in the URI (tests use a unique one per run). */
  dbName?: string;
  /** Emit the driver's command events (tests and benchmarks count and check what is sent: `commandLog.ts`). */
  monitorCommands?: boolean;
}

export async function connectDatabase(uri: string, options: ConnectOptions = {}): Promise<typeof mongoose> {
  watchReachability();
  const operationTimeoutMs = options.operationTimeoutMs ?? 10_000;
  await mongoose.connect(uri, {
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? 2000,
    socketTimeoutMS: operationTimeoutMs,
    waitQueueTimeoutMS: operationTimeoutMs,
    heartbeatFrequencyMS: 2000,
    ...(options.dbName ? { dbName: options.dbName } : {}),
    ...(options.monitorCommands ? { monitorCommands: true } : {}),
  });
  await ensureIndexes();
  return mongoose;
}

let unreachableSince: number | null = null;
let watching = false;

/**
 * The driver reconnects by itself when the database comes back (it keeps probing the server every heartbeat);
 * mongoose reports the losses and returns. Remembering since when it is gone lets /healthz tell a short outage from
 * one the process does not recover from.
 */
function watchReachability() {
  if (watching) return;
  watching = true;
  mongoose.connection.on('disconnected', () => {
    unreachableSince ??= Date.now();
  });
  for (const event of ['connected', 'reconnected']) {
    mongoose.connection.on(event, () => {
      unreachableSince = null;
    });
  }
}

/** For how many milliseconds the database has been unreachable (0 when it is reachable). */
export function databaseUnreachableForMs(now = Date.now()): number {
  return unreachableSince === null ? 0 : now - unreachableSince;
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

/** True when the database answers a ping within the timeout. */
export async function isDatabaseReady(timeoutMs = 1500): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    const ping = db.admin().command({ ping: 1 }).then(() => true as const, () => false as const);
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Brings documents written before a unique index existed into line with it, so that building the index cannot
 * fail on them (a model registers its own; each is idempotent).
 */
export const beforeIndexes: (() => Promise<void>)[] = [];

/** Creates the indexes every registered model declares (idempotent; unique indexes guard invariants). */
export async function ensureIndexes(): Promise<void> {
  for (const prepare of beforeIndexes) await prepare();
  for (const model of Object.values(mongoose.models)) await model.createIndexes();
}

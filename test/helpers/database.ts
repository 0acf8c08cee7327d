/**
 * The test database: a real MongoDB-protocol server. With MONGODB_URI set, that server and a unique database
 * name per run (dropped afterwards); otherwise a fresh embedded FerretDB in a temporary folder (removed afterwards).
 */
import { randomBytes } from 'node:crypto';
import { forgetCachedFacts } from '../../server/src/policy/facts';
import { forgetCachedDataKeys } from '../../server/src/crypto/dataKeys';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { connectDatabase, disconnectDatabase } from '../../server/src/db/connection';
import { startFerretdb, type RunningFerretdb } from '../../scripts/ferretdb';

interface TestDatabase {
  uri: string;
  dbName: string;
  /** Present only for the embedded server: lets a test simulate an outage. */
  embedded?: RunningFerretdb;
  cleanup(): Promise<void>;
}

let current: TestDatabase | undefined;

export function testDatabase(): TestDatabase {
  if (!current) throw new Error('test database not started (test/helpers/hooks.ts)');
  return current;
}

export async function startTestDatabase(): Promise<TestDatabase> {
  const dbName = `spoorboek_test_${randomBytes(4).toString('hex')}`;
  if (process.env.MONGODB_URI) {
    const uri = process.env.MONGODB_URI;
    current = {
      uri,
      dbName,
      cleanup: async () => {
        await mongoose.connection.db?.dropDatabase();
      },
    };
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'spoorboek-test-'));
    const embedded = await startFerretdb({ dataDir });
    current = {
      uri: embedded.uri,
      dbName,
      embedded,
      cleanup: async () => {
        await embedded.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  await connectDatabase(current.uri, { dbName, serverSelectionTimeoutMs: 2000, monitorCommands: true });
  return current;
}

export async function stopTestDatabase(): Promise<void> {
  if (!current) return;
  const database = current;
  current = undefined;
  if (!database.embedded) await database.cleanup().catch(() => undefined);
  await disconnectDatabase();
  if (database.embedded) await database.cleanup();
}

/** Empties every collection, so each test starts from nothing and leaves nothing behind. */
export async function clearDatabase(): Promise<void> {
  const db = mongoose.connection.db;
  if (!db) return;
  const collections = await db.listCollections({}, { nameOnly: true }).toArray();
  await Promise.all(collections.map(({ name }) => db.collection(name).deleteMany({})));
  // What the app keeps in memory about the data just deleted (the facts stamp went with it).
  forgetCachedFacts();
  forgetCachedDataKeys();
}

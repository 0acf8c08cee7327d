/**
 * `npm start`: the app on http://localhost:3000 with demo data. Without MONGODB_URI it runs its own embedded
 * FerretDB with the data in `.data/ferretdb`; Ctrl-C stops the server first, then the database.
 */
import { join } from 'node:path';
import { runUntilSignalled } from '../server/src/main';
import { DatabaseSetupError, repoRoot, startFerretdb } from './ferretdb';

async function provideDatabase(): Promise<{ uri: string; stop: () => Promise<void> }> {
  if (process.env.MONGODB_URI) return { uri: process.env.MONGODB_URI, stop: async () => {} };
  const dataDir = join(process.env.DATA_DIR ?? join(repoRoot, '.data'), 'ferretdb');
  const database = await startFerretdb({ dataDir });
  console.error(`[database] embedded FerretDB on ${database.uri} (data in ${dataDir})`);
  return { uri: `${database.uri}spoorboek`, stop: database.stop };
}

try {
  const database = await provideDatabase();
  await runUntilSignalled({ ...process.env, MONGODB_URI: database.uri }, database.stop);
} catch (error) {
  console.error(error instanceof DatabaseSetupError ? error.message : error);
  process.exit(1);
}

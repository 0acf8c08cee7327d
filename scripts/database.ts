/**
 * The database a command-line script works on: MONGODB_URI when set, otherwise the embedded FerretDB with the
 * data of `npm start` (.data/ferretdb).
 */
import { join } from 'node:path';
import { repoRoot, startFerretdb } from './ferretdb';

export interface ProvidedDatabase {
  uri: string;
  stop: () => Promise<void>;
}

export async function provideDatabase(): Promise<ProvidedDatabase> {
  if (process.env.MONGODB_URI) return { uri: process.env.MONGODB_URI, stop: async () => {} };
  const dataDir = join(process.env.DATA_DIR ?? join(repoRoot, '.data'), 'ferretdb');
  const database = await startFerretdb({ dataDir });
  console.error(`[database] embedded FerretDB on ${database.uri} (data in ${dataDir})`);
  return { uri: `${database.uri}spoorboek`, stop: database.stop };
}

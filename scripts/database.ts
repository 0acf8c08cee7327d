/**
 * The database a command-line script works on: MONGODB_URI when set, otherwise the embedded FerretDB with the
 * data of `npm start` (.data/ferretdb).
 */
import { join } from 'node:path';
import { repoRoot, startFerretdb } from './ferretdb';

export interface ProvidedDatabase {
  uri: string;
  stop: () => Promise<void>;
  /** True once the supervisor of the embedded database gave up restarting it (never for MONGODB_URI). */
  gaveUp: () => boolean;
}

/** With `supervise`, the embedded database is restarted when it dies (`npm start`); scripts run without. */
export async function provideDatabase({ supervise = false }: { supervise?: boolean } = {}): Promise<ProvidedDatabase> {
  if (process.env.MONGODB_URI) return { uri: process.env.MONGODB_URI, stop: async () => {}, gaveUp: () => false };
  const dataDir = join(process.env.DATA_DIR ?? join(repoRoot, '.data'), 'ferretdb');
  const database = await startFerretdb({ dataDir, ...(supervise ? { supervise: {} } : {}) });
  console.error(`[database] embedded FerretDB on ${database.uri} (data in ${dataDir})${supervise ? ', supervised' : ''}`);
  return { uri: `${database.uri}spoorboek`, stop: database.stop, gaveUp: database.gaveUp };
}

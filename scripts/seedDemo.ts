/** `npm run seed:demo`: loads the demo organisation into an empty database. Refuses in production. */
import { loadConfig } from '../server/src/config';
import { connectDatabase, disconnectDatabase } from '../server/src/db/connection';
import { DemoSeedRefused, seedDemo } from '../server/src/demo/seed';
import { reconcileAuditTrail } from '../server/src/audit/coverage';
import { provideDatabase } from './database';

if (process.env.NODE_ENV === 'production') {
  console.error('Refused: the demo data is never loaded in production (NODE_ENV=production).');
  process.exit(1);
}
const database = await provideDatabase();
let exitCode = 0;
try {
  const config = loadConfig({ ...process.env, MONGODB_URI: database.uri });
  await connectDatabase(config.mongodbUri);
  await seedDemo(config);
  await reconcileAuditTrail('demogegevens geladen');
  console.log('Demo organisation loaded. Accounts: see README.md (password Spoorboek-demo-2026!).');
} catch (error) {
  console.error(error instanceof DemoSeedRefused ? `Refused: ${error.message}` : error);
  exitCode = 1;
} finally {
  await disconnectDatabase();
  await database.stop();
}
process.exit(exitCode);

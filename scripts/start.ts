/**
 * `npm start`: the app on http://localhost:3000 with demo data. Without MONGODB_URI it runs its own embedded
 * FerretDB with the data in `.data/ferretdb`; an empty database gets the demo organisation (never in production).
 * SIGTERM stops the server first, then the database; Ctrl-C in a terminal also reaches FerretDB directly (same
 * process group), and the exit hook in ferretdb.ts makes sure it is gone either way.
 */
import { runUntilSignalled } from '../server/src/main';
import { isDatabaseEmpty, seedDemo } from '../server/src/demo/seed';
import { reconcileAuditTrail } from '../server/src/audit/coverage';
import { ensureClientBuilt } from './buildClient';
import { provideDatabase } from './database';
import { DatabaseSetupError } from './ferretdb';

try {
  await ensureClientBuilt();
  const database = await provideDatabase({ supervise: true });
  await runUntilSignalled({ ...process.env, MONGODB_URI: database.uri }, database.stop, async (config, logger) => {
    if (config.env !== 'production' && (await isDatabaseEmpty())) {
      logger.info('empty database: loading the demo organisation (accounts in README.md)');
      await seedDemo(config);
      // The demo's records are logged as loaded, not later taken for records a crash left without their event.
      await reconcileAuditTrail('demogegevens geladen');
    }
  }, { databaseGaveUp: database.gaveUp });
} catch (error) {
  console.error(error instanceof DatabaseSetupError ? error.message : error);
  process.exit(1);
}

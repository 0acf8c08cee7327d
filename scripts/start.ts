/**
 * `npm start`: the app on http://localhost:3000 with demo data. Without MONGODB_URI it runs its own embedded
 * FerretDB with the data in `.data/ferretdb`; an empty database gets the demo organisation (never in production).
 * SIGTERM stops the server first, then the database; Ctrl-C in a terminal also reaches FerretDB directly (same
 * process group), and the exit hooks in ferretdb.ts and mailpit.ts make sure they are gone either way. Without
 * SMTP_URL it starts Mailpit and prints its inbox address.
 */
import { runUntilSignalled } from '../server/src/main';
import { isDatabaseEmpty, seedDemo } from '../server/src/demo/seed';
import { reconcileAuditTrail } from '../server/src/audit/coverage';
import { ensureClientBuilt } from './buildClient';
import { provideDatabase } from './database';
import { DatabaseSetupError } from './ferretdb';
import { MailSetupError, startMailpit } from './mailpit';

try {
  await ensureClientBuilt();
  const database = await provideDatabase({ supervise: true });
  // Without SMTP_URL, mail goes to the embedded Mailpit, whose web inbox shows what every demo user receives.
  const mailpit = process.env.SMTP_URL ? null : await startMailpit();
  if (mailpit) console.log(`Mail: Mailpit catches every mail; read them at ${mailpit.httpUrl}`);
  const env = { ...process.env, MONGODB_URI: database.uri, ...(mailpit ? { SMTP_URL: mailpit.smtpUrl } : {}) };
  const stop = async () => {
    await mailpit?.stop();
    await database.stop();
  };
  await runUntilSignalled(env, stop, async (config, logger) => {
    if (config.env !== 'production' && (await isDatabaseEmpty())) {
      logger.info('empty database: loading the demo organisation (accounts in README.md)');
      await seedDemo(config);
      // The demo's records are logged as loaded, not later taken for records a crash left without their event.
      await reconcileAuditTrail('demogegevens geladen');
    }
  }, { databaseGaveUp: database.gaveUp });
} catch (error) {
  console.error(error instanceof DatabaseSetupError || error instanceof MailSetupError ? error.message : error);
  process.exit(1);
}

/** Root hooks: one database and one mail server (Mailpit) for the whole run, emptied after every test. */
import { useMasterKey } from '../../server/src/crypto/dataKeys';
import { startMailWorker, type MailWorker } from '../../server/src/modules/mail/worker';
import { startMailpit, type RunningMailpit } from '../../scripts/mailpit';
import { testConfig } from './app';
import { clearDatabase, startTestDatabase, stopTestDatabase } from './database';
import { deleteAllMail, useMailpit } from './mail';
import { shardKeyViolations, takeObservedRequests } from './commands';
import { appendFileSync } from 'node:fs';
import mongoose from 'mongoose';

process.env.NODE_ENV = 'test';
process.env.SPOORBOEK_CHECK_ANSWERS = '1';

let mailpit: RunningMailpit | undefined;
let mailWorker: MailWorker | undefined;

/** The run's mail worker (one per process, as in the server), e.g. to stop it while a test uses its own. */
export function testMailWorker(): MailWorker | undefined {
  return mailWorker;
}

/** Starts the run's mail worker again (after a test stopped it). */
export function restartTestMailWorker(): MailWorker {
  if (!mailpit) throw new Error('Mailpit not started');
  const config = testConfig();
  mailWorker = startMailWorker({
    smtpUrl: mailpit.smtpUrl, from: config.mailFrom, masterKey: config.masterKey, pollMs: 200, retryBaseMs: 200,
    logger: { info: () => undefined, warn: () => undefined, error: (...args: unknown[]) => console.error(...args) },
  });
  return mailWorker;
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(360_000); // the very first run builds FerretDB and Mailpit
    await startTestDatabase();
    useMasterKey(testConfig().masterKey); // for tests that write dossiers without building an app
    mailpit = await startMailpit();
    useMailpit(mailpit.httpUrl);
    process.env.SPOORBOEK_TEST_SMTP_URL = mailpit.smtpUrl;
    restartTestMailWorker();
  },
  async afterEach(this: Mocha.Context) {
    // Shard-ready by proof: a dossier query without its client fails the test that sent it. `SHARD_KEY_REPORT=file`
    // lists them in a file instead, to survey a whole run at once.
    const violations = shardKeyViolations(takeObservedRequests());
    const monitored = mongoose.connection.readyState !== 1 || (mongoose.connection.getClient().options as { monitorCommands?: boolean }).monitorCommands;
    if (!monitored) violations.push('the database connection does not monitor commands (connect with monitorCommands: true): nothing was checked');
    await clearDatabase();
    await deleteAllMail();
    if (violations.length === 0) return;
    const title = this.currentTest?.fullTitle() ?? '(unknown test)';
    if (process.env.SHARD_KEY_REPORT) {
      appendFileSync(process.env.SHARD_KEY_REPORT, violations.map((line) => `${line}\t${title}\n`).join(''));
      return;
    }
    throw new Error(`queries on dossier collections without clientId (shard key) in "${title}":\n  ${violations.join('\n  ')}`);
  },
  async afterAll() {
    await mailWorker?.stop();
    await mailpit?.stop();
    useMailpit(null);
    await stopTestDatabase();
  },
};

/**
 * `npm run retention` erases every dossier past its retention term (crypto-shredding, anonymous figures kept) and
 * sweeps the other categories; `npm run retention -- --dry-run` only lists what it would erase, and why. The same
 * run the server does daily (server/src/modules/retention). Safe to interrupt: running it again finishes the job.
 */
// Every model must be registered: the erasure deletes a client's records from each collection that has a clientId.
import '../server/src/app';
import { loadConfig } from '../server/src/config';
import { useMasterKey } from '../server/src/crypto/dataKeys';
import { connectDatabase, disconnectDatabase } from '../server/src/db/connection';
import { run } from '../server/src/modules/retention/service';
import { provideDatabase } from './database';

const dryRun = process.argv.includes('--dry-run');
const database = await provideDatabase();
let exitCode = 0;
try {
  const config = loadConfig({ ...process.env, MONGODB_URI: database.uri });
  useMasterKey(config.masterKey);
  await connectDatabase(config.mongodbUri);
  const report = await run({ dryRun });
  console.log(dryRun ? 'Proefdraaien — er wordt niets gewist.' : 'Bewaartermijnrun.');
  for (const item of report.erase) {
    const ended = item.trajectoryEnded ? `traject geëindigd ${item.trajectoryEnded.slice(0, 10)}` : 'onderbroken wissing afmaken';
    console.log(`  ${dryRun ? 'zou wissen' : 'wist'} cliënt ${item.clientId}: ${item.category}, ${ended}, termijn ${item.termText} (${item.basis})`);
  }
  for (const held of report.held) console.log(`  bewaarplicht tot ${held.until.slice(0, 10)}: cliënt ${held.clientId} (termijn verstreken ${held.dueSince.slice(0, 10)})`);
  if (!dryRun) console.log(`  gewist: ${report.erased.length}`);
  for (const failed of report.failed) console.error(`  NIET gewist: cliënt ${failed.clientId}: ${failed.error}`);
  const { accountTokens, mail, notifications } = report.swept;
  console.log(`  ${dryRun ? 'zou opruimen' : 'opgeruimd'}: ${accountTokens} verlopen link(s), ${mail} verstuurde mail(s), ${notifications} melding(en)`);
  console.log(`  audittrail: ${report.auditPastTerm} gebeurtenis(sen) ouder dan 5 jaar (nog niet ingekort, zie docs/retention.md)`);
  if (report.failed.length > 0) exitCode = 1;
} finally {
  await disconnectDatabase();
  await database.stop();
}
process.exit(exitCode);

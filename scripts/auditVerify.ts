/**
 * `npm run audit:verify`: walks the audit chain, checks it against the sealed heads (MASTER_KEY), and reports OK
 * or the first broken sequence number (exit 1).
 */
import '../server/src/audit/model';
import { verifyAuditChain } from '../server/src/audit/verify';
import { loadConfig } from '../server/src/config';
import { connectDatabase, disconnectDatabase } from '../server/src/db/connection';
import { provideDatabase } from './database';

const database = await provideDatabase();
let exitCode = 0;
try {
  const config = loadConfig({ ...process.env, MONGODB_URI: database.uri });
  await connectDatabase(config.mongodbUri);
  const result = await verifyAuditChain(config.masterKey);
  if (result.ok) {
    console.log(`audit chain OK: ${result.count} event(s), head ${result.head}`);
  } else {
    console.error(`audit chain BROKEN at sequence ${result.brokenAt}: ${result.problem} (${result.count} event(s) verified before it)`);
    exitCode = 1;
  }
  if (result.unaudited > 0) {
    const named = result.unauditedRecords.map(({ type, id }) => `${type} ${id}`).join(', ');
    console.error(`${result.unaudited} dossier record(s) without their create event: ${named}${result.unaudited > result.unauditedRecords.length ? ', …' : ''}`);
    console.error('  (a process stopped between saving a record and logging it; the next start of the server appends the missing events)');
    exitCode = 1;
  }
} finally {
  await disconnectDatabase();
  await database.stop();
}
process.exit(exitCode);

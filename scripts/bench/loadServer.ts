/**
 * The server under load for `scripts/bench/load.ts`: the real process entry (`startServer`) in a child process of
 * its own, so the load generator does not share its event loop. Answers `stats` messages with the audit append's
 * counters, so the benchmark can print the append's share of the time requests took.
 */
import { startServer } from '../../server/src/main';
import { auditAppendStats } from '../../server/src/audit/record';

const running = await startServer(process.env);
const address = running.server.address();
process.send?.({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
process.on('message', (message: { type: string }) => {
  if (message.type === 'stats') process.send?.({ type: 'stats', stats: { ...auditAppendStats } });
  if (message.type === 'stop') void running.shutdown(2000).then(() => process.exit(0));
});

/**
 * The daily retention run inside the server. Two processes running it at once are safe, because each erasure is
 * claimed by its tombstone (a unique index) and the sweeps are plain deletes by date.
 */
import { startDailyJob } from '../../dailyJob';
import type { Logger } from '../../logger';
import { run } from './service';

export function startRetentionSchedule(logger: Logger) {
  return startDailyJob({
    name: 'retention run',
    run: async () => {
      const report = await run({ dryRun: false });
      return { erased: report.erased.length, failed: report.failed.length, held: report.held.length, swept: report.swept, auditPastTerm: report.auditPastTerm };
    },
  }, logger);
}

/**
 * The daily retention run inside the server: first shortly after start, then every day. One run at a time per
 * process; two processes running at once are safe, because each erasure is claimed by its tombstone (a unique
 * index) and the sweeps are plain deletes by date.
 */
import type { Logger } from '../../logger';
import { run } from './service';

export const RETENTION_EVERY_MS = 24 * 60 * 60 * 1000;
const FIRST_RUN_AFTER_MS = 60 * 1000;

export function startRetentionSchedule(logger: Logger, everyMs = RETENTION_EVERY_MS) {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = run({ dryRun: false })
      .then((report) => {
        logger.info({ erased: report.erased.length, failed: report.failed.length, held: report.held.length, swept: report.swept,
          auditPastTerm: report.auditPastTerm }, 'retention run');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'the retention run failed; the next run finishes it'))
      .finally(() => { running = null; });
  };
  const first = setTimeout(tick, Math.min(FIRST_RUN_AFTER_MS, everyMs));
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}

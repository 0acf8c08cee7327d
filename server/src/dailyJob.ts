/**
 * A job the server runs every day (the retention run, the Poortwachter reminders): first shortly after start, then
 * daily; one run at a time per process. Jobs are written so two processes running them at once are safe (each
 * claims its work by a unique insert); a failed run is logged and the next one finishes the work.
 */
import type { Logger } from './logger';

export const DAY_MS = 24 * 60 * 60 * 1000;

export function startDailyJob(
  { name, run, firstAfterMs = 60_000, everyMs = DAY_MS }: { name: string; run: () => Promise<unknown>; firstAfterMs?: number; everyMs?: number },
  logger: Logger,
) {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= run()
      .then((result) => logger.info({ result }, name))
      .catch((error: unknown) => logger.error({ err: error }, `${name} failed; the next run finishes it`))
      .finally(() => { running = null; });
  };
  const first = setTimeout(tick, Math.min(firstAfterMs, everyMs));
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

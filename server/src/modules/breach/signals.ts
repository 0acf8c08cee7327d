/**
 * Rules on the audit stream that raise a breach signal for the privacy officer (AVG art. 33/34, NEN 7510: the
 * log is only worth something when someone looks):
 *   - an employer account refused at the health wall — an employer never has a reason to try (AVG art. 9);
 *   - one user refused more than REPEATED_DENIALS.limit times within REPEATED_DENIALS.minutes minutes.
 * The watcher reads the chain from where it stopped (a cursor), so every event is looked at once; a signal's
 * unique key (rule, user, day) makes a second look at the same events harmless. It reads across clients by
 * design: the audit chain is one sequence for the whole bureau.
 */
import mongoose from 'mongoose';
import { AuditEvent } from '../../audit/model';
import type { Logger } from '../../logger';
import { BreachCursor, BreachSignal } from './model';

export const REPEATED_DENIALS = { limit: 10, minutes: 5 };
const BATCH = 1000;

interface Seen { seq: number; at: Date; outcome: string; clientId: string | null; actor: { userId: string | null; roles: string[] }; object: { compartment: string } }

/** Reads the audit events since the last scan and raises the signals they call for. Returns how many were raised. */
export async function scanAuditStream(): Promise<number> {
  let raised = 0;
  for (;;) {
    const cursor = await BreachCursor.findById('audit').lean();
    const from = cursor?.seq ?? 0;
    const events = await AuditEvent.find({ seq: mongoose.trusted({ $gt: from }) }, { seq: 1, at: 1, outcome: 1, clientId: 1, actor: 1, object: 1 })
      .sort({ seq: 1 }).limit(BATCH).lean<Seen[]>();
    if (events.length === 0) return raised;
    raised += await employerAtHealthWall(events);
    raised += await repeatedDenials(events);
    await BreachCursor.updateOne({ _id: 'audit' }, { $max: { seq: events.at(-1)!.seq } }, { upsert: true });
    if (events.length < BATCH) return raised;
  }
}

async function raise(rule: string, userId: string | null, first: Seen, count: number): Promise<number> {
  const key = `${rule}|${userId ?? '-'}|${first.at.toISOString().slice(0, 10)}`;
  try {
    await BreachSignal.create({ key, rule, userId, clientId: first.clientId, firstSeq: first.seq, at: first.at, count });
    return 1;
  } catch (error) {
    if ((error as { code?: number }).code === 11000) return 0; // raised already today
    throw error;
  }
}

async function employerAtHealthWall(events: Seen[]): Promise<number> {
  const byUser = new Map<string, Seen[]>();
  for (const event of events) {
    if (event.outcome !== 'denied' || event.object.compartment !== 'health' || !event.actor.roles.includes('employer')) continue;
    const userId = event.actor.userId ?? '-';
    byUser.set(userId, [...(byUser.get(userId) ?? []), event]);
  }
  let raised = 0;
  for (const [userId, attempts] of byUser) raised += await raise('employer_health_wall', userId, attempts[0]!, attempts.length);
  return raised;
}

async function repeatedDenials(events: Seen[]): Promise<number> {
  const windowMs = REPEATED_DENIALS.minutes * 60_000;
  const users = new Set(events.filter((event) => event.outcome === 'denied' && event.actor.userId).map((event) => event.actor.userId!));
  let raised = 0;
  for (const userId of users) {
    const mine = events.filter((event) => event.outcome === 'denied' && event.actor.userId === userId);
    // The refusals just before this batch count too: a burst may straddle two scans.
    const earlier = await AuditEvent.find({
      'actor.userId': userId, outcome: 'denied',
      at: mongoose.trusted({ $gte: new Date(mine[0]!.at.getTime() - windowMs) }), seq: mongoose.trusted({ $lt: mine[0]!.seq }),
    }, { seq: 1, at: 1, outcome: 1, clientId: 1, actor: 1, object: 1 }).sort({ seq: 1 }).lean<Seen[]>();
    const all = [...earlier, ...mine];
    let start = 0;
    for (let end = 0; end < all.length; end += 1) {
      while (all[end]!.at.getTime() - all[start]!.at.getTime() > windowMs) start += 1;
      if (end - start + 1 > REPEATED_DENIALS.limit) {
        raised += await raise('repeated_denials', userId, all[start]!, end - start + 1);
        break;
      }
    }
  }
  return raised;
}

/** Every minute inside the server. */
export function startBreachWatch(logger: Logger, everyMs = 60_000) {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = scanAuditStream()
      .then((raised) => { if (raised > 0) logger.warn({ raised }, 'breach signal(s) raised for the privacy officer'); })
      .catch((error: unknown) => logger.error({ err: error }, 'the breach watch failed; the next scan goes on from the same place'))
      .finally(() => { running = null; });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * The retention run (AVG art. 5(1)(e), storage limitation): every dossier past its term is erased by
 * crypto-shredding (the same erasure as for a request, AVG art. 17(1)(a): "no longer necessary"), its anonymous
 * figures kept; expired account links, old sent mails and old notifications are deleted. The terms come from the
 * one retention table (shared/src/retention/rules.ts).
 *
 * A dry run and a real run share one plan, so what the dry run names is what the real run erases. The real run
 * is idempotent and safe to interrupt: each erasure is finished by running it again (its tombstone says it was
 * begun), and a client that is gone is not found again.
 */
import mongoose from 'mongoose';
import { TRAJECTORY_ENDED_STATUSES, type TrajectoryStatus } from '@spoorboek/shared/domain';
import { cutoffFor, retentionRule, termEnds, type RetentionRule } from '@spoorboek/shared/retention/rules';
import type { RetentionReport } from '@spoorboek/shared/schemas/retention';
import { AuditEvent } from '../../audit/model';
import { appendAuditEvent } from '../../audit/record';
import { AccountToken } from '../../auth/tokens';
import { Client } from '../../db/models/client';
import { HttpProblem } from '../../http/problem';
import { auditAccess, requireSomeRight, type RequestActor } from '../../policy/enforce';
import { Tombstone } from '../erasure/model';
import { eraseClient } from '../erasure/service';
import { MailMessage } from '../mail/model';
import { Notification } from '../notifications/model';

const TOKEN_KEPT_AFTER_EXPIRY_MS = 30 * 24 * 60 * 60 * 1000;

type PlannedErasure = RetentionReport['erase'][number];

/** The officer's dry run: what a real run would erase now, and why. */
export async function preview(actor: RequestActor, now = new Date()): Promise<RetentionReport> {
  await requireSomeRight(actor, 'read', 'Retention');
  return run({ dryRun: true, actor }, now);
}

/** The officer starts a real run from the screen (the same as the daily one). */
export async function execute(actor: RequestActor, now = new Date()): Promise<RetentionReport> {
  await requireSomeRight(actor, 'execute', 'Retention');
  return run({ dryRun: false, actor }, now);
}

/** Without an actor: the scheduled run in the server, or `npm run retention`. */
export async function run({ dryRun, actor = null }: { dryRun: boolean; actor?: RequestActor | null }, now = new Date()): Promise<RetentionReport> {
  const { erase, held } = await plan(now);
  const report: RetentionReport = {
    dryRun, at: now.toISOString(), erase, held, erased: [], failed: [], swept: await sweep(dryRun, now), auditPastTerm: await auditPastTerm(now),
  };
  if (dryRun) return report;
  for (const item of erase) {
    try {
      await eraseClient(item.clientId, {
        legalBasis: `${item.basis}; bewaartermijn ${item.termText} verstreken`, requestId: null, by: actor?.userId ?? null,
        record: (counts) => recordErasure(actor, item, counts),
      }, now);
      report.erased.push(item.clientId);
    } catch (error) {
      // One client's failure (a hold placed meanwhile, another run erasing it right now) does not stop the others.
      report.failed.push({ clientId: item.clientId, error: error instanceof HttpProblem ? error.detail : String(error) });
    }
  }
  return report;
}

/**
 * Which clients are past their term. A scan across all clients by design (retention is about every dossier), so it
 * names no single client; it reads only the trajectory's end, the objection and the hold, never content.
 */
export async function plan(now: Date): Promise<{ erase: PlannedErasure[]; held: RetentionReport['held'] }> {
  const ended = await Client.find(
    { 'trajectory.endDate': mongoose.trusted({ $ne: null, $lte: now }) },
    { trajectory: 1, objections: 1, legalHold: 1 },
  ).sort({ 'trajectory.endDate': 1 }).lean();
  const erase: PlannedErasure[] = [];
  const held: RetentionReport['held'] = [];
  for (const client of ended) {
    if (!TRAJECTORY_ENDED_STATUSES.includes(client.trajectory.status as TrajectoryStatus)) continue;
    const endDate = client.trajectory.endDate!;
    const rule = retentionRule(client.objections?.retentionAfterTrajectory ? 'dossier_objected' : 'dossier');
    const due = termEnds(rule, endDate);
    if (due.getTime() > now.getTime()) continue;
    const clientId = String(client._id);
    if (client.legalHold && client.legalHold.until.getTime() > now.getTime()) {
      held.push({ clientId, until: client.legalHold.until.toISOString(), dueSince: due.toISOString() });
      continue;
    }
    erase.push(item(clientId, rule, endDate, due, false));
  }
  // Erasures by an earlier run that were cut off: a re-run finishes them (the tombstone says they were begun).
  const unfinished = await Tombstone.find({ completedAt: null, requestId: null }, { clientId: 1 }).lean();
  for (const { clientId } of unfinished) {
    if (!erase.some((planned) => planned.clientId === String(clientId))) erase.push(item(String(clientId), retentionRule('dossier'), null, null, true));
  }
  return { erase, held };
}

function item(clientId: string, rule: RetentionRule, endDate: Date | null, due: Date | null, resumed: boolean): PlannedErasure {
  return {
    clientId, category: rule.category, trajectoryEnded: endDate?.toISOString() ?? null, termText: `${rule.termText} na ${rule.from}`,
    basis: rule.basis, dueSince: due?.toISOString() ?? null, resumed,
  };
}

async function recordErasure(actor: RequestActor | null, planned: PlannedErasure, counts: string) {
  const reason = `bewaartermijn verstreken (${planned.termText}): ${counts}`;
  if (actor) {
    await auditAccess(actor, 'delete', 'Client', { id: planned.clientId, clientId: planned.clientId, outcome: 'allowed', reason });
    return;
  }
  await appendAuditEvent({
    action: 'delete', outcome: 'allowed', reason, clientId: planned.clientId,
    actor: { userId: null, name: 'Bewaartermijnrun', roles: [], organisationId: null },
    accessPoint: { ip: null, userAgent: 'retention run' },
    object: { type: 'Client', id: planned.clientId, compartment: 'process' },
  });
}

/**
 * The categories without a client: expired invitation and reset links, sent mails and notifications past their
 * term. Cross-user deletes by date, on purpose; acknowledged deletes, safe to repeat.
 */
async function sweep(dryRun: boolean, now: Date): Promise<RetentionReport['swept']> {
  // Kept a month past their expiry, so the administrator still sees that an invitation lapsed.
  const tokens = { expiresAt: mongoose.trusted({ $lt: new Date(now.getTime() - TOKEN_KEPT_AFTER_EXPIRY_MS) }) };
  const mail = { status: 'sent', sentAt: mongoose.trusted({ $lt: cutoffFor(retentionRule('mail'), now) }) };
  const notifications = { createdAt: mongoose.trusted({ $lt: cutoffFor(retentionRule('notifications'), now) }) };
  if (dryRun) {
    return {
      accountTokens: await AccountToken.countDocuments(tokens), mail: await MailMessage.countDocuments(mail),
      notifications: await Notification.countDocuments(notifications),
    };
  }
  const counts = {
    accountTokens: (await AccountToken.deleteMany(tokens)).deletedCount, mail: (await MailMessage.deleteMany(mail)).deletedCount,
    notifications: (await Notification.deleteMany(notifications)).deletedCount,
  };
  return counts;
}

/**
 * The audit trail is kept 5 years (NEN 7513). Pruning may only cut whole sealed segments from the start of the
 * chain, and the verifier then has to start from a sealed link instead of the genesis; until that is built, the run
 * counts the events past their term and deletes none (docs/retention.md).
 */
async function auditPastTerm(now: Date): Promise<number> {
  return AuditEvent.countDocuments({ at: mongoose.trusted({ $lt: cutoffFor(retentionRule('audit'), now) }) });
}

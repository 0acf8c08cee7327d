/** Time registration (tijdsregistratie, Privacyreglement Re-integratieonderwijs.nl art. 3.4): what the coach did for a client, and totals per month. */
import { Types } from 'mongoose';
import mongoose from 'mongoose';
import { ACTIVITY_KINDS, type ActivityKind } from '@spoorboek/shared/domain';
import type { CreateActivityBody, UpdateActivityBody } from '@spoorboek/shared/schemas/activities';
import { auditAccess, authorize, enterClient, findScoped, listScoped, type RequestActor } from '../../policy/enforce';
import { Activity, sealedActivity } from './model';

function monthRange(month: string) {
  const start = new Date(`${month}-01T00:00:00.000Z`);
  const end = new Date(start);
  end.setUTCMonth(end.getUTCMonth() + 1);
  return { $gte: start, $lt: end };
}

export async function list(actor: RequestActor, clientId: string, month?: string) {
  await enterClient(actor, clientId, 'read', 'Activity');
  const filter = { clientId, ...(month ? { date: mongoose.trusted(monthRange(month)) } : {}) };
  const activities = await listScoped(actor, 'read', Activity, filter, { sort: { date: -1, createdAt: -1 } });
  return sealedActivity.openAll(activities);
}

/** Minutes per month (newest first) and per kind. Computed here: FerretDB's $group has no date operators. */
export async function totals(actor: RequestActor, clientId: string) {
  await enterClient(actor, clientId, 'read', 'Activity');
  const activities = await listScoped(actor, 'read', Activity, { clientId });
  const months = new Map<string, { month: string; minutes: number; count: number; byKind: Partial<Record<ActivityKind, number>> }>();
  for (const { date, minutes, kind } of activities) {
    const month = date.toISOString().slice(0, 7);
    const total = months.get(month) ?? { month, minutes: 0, count: 0, byKind: {} };
    total.minutes += minutes;
    total.count += 1;
    total.byKind[kind as ActivityKind] = (total.byKind[kind as ActivityKind] ?? 0) + minutes;
    months.set(month, total);
  }
  return {
    months: [...months.values()]
      .sort((a, b) => b.month.localeCompare(a.month))
      .map((total) => ({ ...total, byKind: Object.fromEntries(ACTIVITY_KINDS.filter((k) => total.byKind[k]).map((k) => [k, total.byKind[k]])) })),
  };
}

export async function create(actor: RequestActor, clientId: string, body: CreateActivityBody) {
  await enterClient(actor, clientId, 'create', 'Activity');
  const _id = new Types.ObjectId();
  const candidate = { _id, clientId, authorId: actor.userId, ...body };
  await authorize(actor, 'create', 'Activity', candidate);
  const activity = await Activity.create(await sealedActivity.seal({ ...candidate, note: body.note ?? null }));
  await auditAccess(actor, 'create', 'Activity', { id: String(_id), clientId, outcome: 'allowed' });
  return sealedActivity.open(activity);
}

/** Only the author corrects or removes their own registration. */
export async function update(actor: RequestActor, { clientId, activityId }: { clientId: string; activityId: string }, body: UpdateActivityBody) {
  const activity = await findScoped(actor, 'update', Activity, { _id: activityId, clientId });
  await Activity.updateOne({ _id: activity._id, clientId: activity.clientId }, await sealedActivity.sealUpdate(activity, { $set: { ...body } }));
  await auditAccess(actor, 'update', 'Activity', { id: activityId, clientId, outcome: 'allowed' });
  return sealedActivity.open((await Activity.findOne({ _id: activity._id, clientId: activity.clientId }))!);
}

export async function remove(actor: RequestActor, { clientId, activityId }: { clientId: string; activityId: string }) {
  const activity = await findScoped(actor, 'delete', Activity, { _id: activityId, clientId });
  await Activity.deleteOne({ _id: activity._id, clientId: activity.clientId });
  await auditAccess(actor, 'delete', 'Activity', { id: activityId, clientId, outcome: 'allowed' });
}

/**
 * Every registration in a period as bare figures — who, for which client, what kind, how long; never the note —
 * for the anonymous management figures, which count them only in groups of at least five clients.
 */
export async function minutesInPeriod(from: Date, to: Date) {
  const activities = await Activity.find(
    { date: mongoose.trusted({ $gte: from, $lt: to }) }, { clientId: 1, authorId: 1, kind: 1, minutes: 1, date: 1 },
  ).lean();
  return activities.map(({ clientId, authorId, kind, minutes, date }) => ({
    clientId: String(clientId), authorId: String(authorId), kind: kind as ActivityKind, minutes, date,
  }));
}

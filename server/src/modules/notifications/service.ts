/**
 * Notifications: the services call `notify(kind, clientId)` with one line after a workflow step; this module
 * finds who should know (the client's account, their coach, their employer's contacts), puts a line in each
 * inbox and, unless they opted out, a content-free mail in the queue. A failure here never fails the step.
 */
import type { Types } from 'mongoose';
import { NOTIFICATION_KINDS, NOTIFICATION_SENTENCES, type NotificationKind } from '@spoorboek/shared/notifications';
import { Client } from '../../db/models/client';
import { User } from '../../db/models/user';
import { listScoped, scopedFilter, type RequestActor } from '../../policy/enforce';
import { enqueueMail } from '../mail/outbox';
import { notificationMail } from '../mail/templates';
import { Notification, NotificationSetting } from './model';

type Audience = 'client' | 'coach' | 'employer' | 'case';
const AUDIENCE: Record<NotificationKind, Audience> = {
  consult_waiting: 'client', report_waiting: 'client', handover_requested: 'client',
  consult_disputed: 'coach', report_disputed: 'coach', consent_withdrawn: 'coach', report_shared: 'employer',
  // A Poortwachter deadline concerns those who keep the case: the coach and the employer's contacts.
  poortwachter_due: 'case',
};

function pathFor(kind: NotificationKind, clientId: string): string {
  switch (AUDIENCE[kind]) {
    case 'client': return kind === 'handover_requested' ? '/mijn-dossier/toestemmingen' : '/mijn-dossier';
    case 'coach': return `/clienten/${clientId}/${kind === 'report_disputed' ? 'rapportages' : kind === 'consult_disputed' ? 'consulten' : 'overzicht'}`;
    case 'employer': return '/werkgever';
    case 'case': return '/poortwachter';
  }
}

async function recipients(kind: NotificationKind, clientId: string) {
  const client = await Client.findById(clientId, { coachId: 1, employerId: 1 }).lean();
  if (!client) return [];
  switch (AUDIENCE[kind]) {
    case 'client': return User.find({ clientId: client._id, roles: 'client', disabled: false }, { email: 1 }).lean();
    case 'coach': return client.coachId ? User.find({ _id: client.coachId, disabled: false }, { email: 1 }).lean() : [];
    case 'employer':
      return client.employerId ? User.find({ organisationId: client.employerId, roles: 'employer', disabled: false }, { email: 1 }).lean() : [];
    case 'case':
      return [
        ...(client.coachId ? await User.find({ _id: client.coachId, disabled: false }, { email: 1 }).lean() : []),
        ...(client.employerId ? await User.find({ organisationId: client.employerId, roles: 'employer', disabled: false }, { email: 1 }).lean() : []),
      ];
  }
}

let onError: (error: unknown) => void = () => undefined;
/** Where a failed notification is reported (the app's logger); it is never thrown at the caller. */
export function useNotificationErrorLog(log: (error: unknown) => void): void {
  onError = log;
}

/** Tells whoever should know that something waits — in the app, and by mail unless they opted out. */
export async function notify(kind: NotificationKind, clientId: string | Types.ObjectId): Promise<void> {
  try {
    const id = String(clientId);
    const path = pathFor(kind, id);
    for (const user of await recipients(kind, id)) {
      await Notification.create({ userId: user._id, kind, path });
      const setting = await NotificationSetting.findById(user._id).lean();
      if (!setting?.mailOff.includes(kind)) await enqueueMail(user.email, notificationMail(kind, NOTIFICATION_SENTENCES[kind], path));
    }
  } catch (error) {
    onError(error);
  }
}

export async function inbox(actor: RequestActor) {
  const items = await listScoped(actor, 'read', Notification, {}, { sort: { createdAt: -1 }, limit: 50 });
  const unread = await Notification.countDocuments(scopedFilter(actor.ability, 'read', 'Notification', { readAt: null }));
  return { items, unread };
}

/** Marks one (or, without an id, every) notification of the actor as read. */
export async function markRead(actor: RequestActor, notificationId?: string) {
  const filter = scopedFilter(actor.ability, 'update', 'Notification', notificationId ? { _id: notificationId } : { readAt: null });
  await Notification.updateMany(filter, { readAt: new Date() });
}

export async function settings(actor: RequestActor) {
  const setting = await NotificationSetting.findById(actor.userId).lean();
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, !setting?.mailOff.includes(kind)])) as Record<NotificationKind, boolean>;
}

export async function saveSettings(actor: RequestActor, mail: Partial<Record<NotificationKind, boolean>>) {
  const current = await settings(actor);
  const merged = { ...current, ...mail };
  const mailOff = NOTIFICATION_KINDS.filter((kind) => !merged[kind]);
  await NotificationSetting.updateOne({ _id: actor.userId }, { $set: { mailOff } }, { upsert: true });
  return settings(actor);
}

/** Erasure (AVG art. 17): the erased account's inbox and mail choices go with it. */
export async function forgetUser(userId: Types.ObjectId | string): Promise<void> {
  await Notification.deleteMany({ userId });
  await NotificationSetting.deleteMany({ userId });
}

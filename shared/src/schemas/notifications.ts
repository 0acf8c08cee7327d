import { NOTIFICATION_KINDS } from '../notifications';
import { objectId } from './auth';
import { z } from './zod';

export const NotificationParams = z.object({ notificationId: objectId }).strict();
export const NotificationSettingsBody = z.object({
  mail: z.partialRecord(z.enum(NOTIFICATION_KINDS), z.boolean()),
}).strict();

export const NotificationView = z.object({
  _id: z.string(), kind: z.enum(NOTIFICATION_KINDS), path: z.string(), readAt: z.string().nullable(), createdAt: z.string(),
});
export const InboxView = z.object({ items: z.array(NotificationView), unread: z.number() });
export const NotificationSettingsView = z.object({ mail: z.record(z.enum(NOTIFICATION_KINDS), z.boolean()) });

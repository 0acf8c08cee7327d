import { notifications as contract } from '@spoorboek/shared/contracts/notifications';
import { implement } from '../../http/route';
import * as notifications from './service';

export const notificationRoutes = implement(contract, {
  list: { presentEach: 'Notification', handler: ({ actor }) => notifications.inbox(actor) },
  markAllRead: ({ actor }) => notifications.markRead(actor),
  markRead: ({ actor, params }) => notifications.markRead(actor, params.notificationId),
  settings: async ({ actor }) => ({ mail: await notifications.settings(actor) }),
  updateSettings: async ({ actor, body }) => ({ mail: await notifications.saveSettings(actor, body.mail) }),
});

import { InboxView, NotificationParams, NotificationSettingsBody, NotificationSettingsView } from '@spoorboek/shared/schemas/notifications';
import { actorOf } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import { present } from '../../policy/enforce';
import * as notifications from './service';

export const notificationRoutes: RouteGroup = {
  tag: 'Meldingen',
  routes: [
    route({
      method: 'get', path: '/notifications', summary: 'Mijn meldingen: wat op mij wacht, en hoeveel ongelezen', response: InboxView,
      handler: async (req, res) => {
        const actor = actorOf(req);
        const { items, unread } = await notifications.inbox(actor);
        res.json({ items: items.map((item) => present(actor, 'Notification', item)), unread });
      },
    }),
    route({
      method: 'post', path: '/notifications/read', summary: 'Alle meldingen als gelezen markeren', response: null,
      handler: async (req, res) => {
        await notifications.markRead(actorOf(req));
        res.status(204).end();
      },
    }),
    route({
      method: 'post', path: '/notifications/:notificationId/read', summary: 'Een melding als gelezen markeren',
      params: NotificationParams, response: null,
      handler: async (req, res) => {
        await notifications.markRead(actorOf(req), req.params.notificationId);
        res.status(204).end();
      },
    }),
    route({
      method: 'get', path: '/notifications/settings', summary: 'Welke meldingen ik ook per e-mail krijg', response: NotificationSettingsView,
      handler: async (req, res) => {
        res.json({ mail: await notifications.settings(actorOf(req)) });
      },
    }),
    route({
      method: 'put', path: '/notifications/settings', summary: 'Kiezen welke meldingen ik ook per e-mail krijg',
      body: NotificationSettingsBody, response: NotificationSettingsView,
      handler: async (req, res) => {
        res.json({ mail: await notifications.saveSettings(actorOf(req), req.body.mail) });
      },
    }),
  ],
};

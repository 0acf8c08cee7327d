/** The meldingen endpoints (notifications). */
import { contract } from '../contract';
import { InboxView, NotificationParams, NotificationSettingsBody, NotificationSettingsView } from '../schemas/notifications';

export const notifications = contract('Meldingen', {
  list: {
    method: 'get',
    path: '/notifications',
    summary: 'Mijn meldingen: wat op mij wacht, en hoeveel ongelezen',
    response: InboxView,
  },
  markAllRead: {
    method: 'post',
    path: '/notifications/read',
    summary: 'Alle meldingen als gelezen markeren',
    response: null,
  },
  markRead: {
    method: 'post',
    path: '/notifications/:notificationId/read',
    summary: 'Een melding als gelezen markeren',
    params: NotificationParams,
    response: null,
  },
  settings: {
    method: 'get',
    path: '/notifications/settings',
    summary: 'Welke meldingen ik ook per e-mail krijg',
    response: NotificationSettingsView,
  },
  updateSettings: {
    method: 'put',
    path: '/notifications/settings',
    summary: 'Kiezen welke meldingen ik ook per e-mail krijg',
    body: NotificationSettingsBody,
    response: NotificationSettingsView,
  },
});

import { z } from '@spoorboek/shared/schemas/zod';
import { actorOf } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import { listScoped, present, requireSomeRight } from '../../policy/enforce';
import { MAIL_STATUSES, MailMessage } from './model';

const MailQueueView = z.object({
  counts: z.record(z.enum(MAIL_STATUSES), z.number()),
  items: z.array(z.object({
    _id: z.string(), to: z.string(), kind: z.string(), subject: z.string(), status: z.enum(MAIL_STATUSES), attempts: z.number(),
    nextAttemptAt: z.string(), lastError: z.string().nullable(), sentAt: z.string().nullable(), createdAt: z.string(),
  }).partial()),
});

export const mailRoutes: RouteGroup = {
  tag: 'E-mail',
  routes: [
    route({
      method: 'get', path: '/admin/mail-queue', summary: 'De e-mailwachtrij: wat wacht, wat verstuurd is, wat mislukte',
      response: MailQueueView,
      handler: async (req, res) => {
        const actor = actorOf(req);
        await requireSomeRight(actor, 'read', 'MailMessage');
        const items = await listScoped(actor, 'read', MailMessage, {}, { sort: { createdAt: -1 }, limit: 100 });
        const counts = Object.fromEntries(await Promise.all(MAIL_STATUSES.map(async (status) =>
          [status, await MailMessage.countDocuments({ status })] as const)));
        res.json({ counts, items: items.map((message) => present(actor, 'MailMessage', message)) });
      },
    }),
  ],
};

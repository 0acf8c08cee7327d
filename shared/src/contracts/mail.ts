/** The e-mail endpoints (mail). */
import { contract } from '../contract';
import { MAIL_STATUSES } from '../domain';
import { z } from '../schemas/zod';

const MailQueueView = z.object({
  counts: z.record(z.enum(MAIL_STATUSES), z.number()),
  items: z.array(z.object({
    _id: z.string(), to: z.string(), kind: z.string(), subject: z.string(), status: z.enum(MAIL_STATUSES), attempts: z.number(),
    nextAttemptAt: z.string(), lastError: z.string().nullable(), sentAt: z.string().nullable(), createdAt: z.string(),
  })),
});

export const mail = contract('E-mail', {
  queue: {
    method: 'get',
    path: '/admin/mail-queue',
    summary: 'De e-mailwachtrij: wat wacht, wat verstuurd is, wat mislukte',
    response: MailQueueView,
  },
});

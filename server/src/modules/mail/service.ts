import type { RequestActor } from '../../policy/enforce';
import { listScoped, requireSomeRight } from '../../policy/enforce';
import { MAIL_STATUSES, MailMessage } from './model';

/** The mail queue for the administrator: the latest hundred messages and how many there are per status. */
export async function queue(actor: RequestActor) {
  await requireSomeRight(actor, 'read', 'MailMessage');
  const items = await listScoped(actor, 'read', MailMessage, {}, { sort: { createdAt: -1 }, limit: 100 });
  const counts = Object.fromEntries(await Promise.all(MAIL_STATUSES.map(async (status) =>
    [status, await MailMessage.countDocuments({ status })] as const)));
  return { counts, items };
}

import { mail as contract } from '@spoorboek/shared/contracts/mail';
import { implement } from '../../http/route';
import * as mail from './service';

export const mailRoutes = implement(contract, {
  queue: { presentEach: 'MailMessage', handler: ({ actor }) => mail.queue(actor) },
});

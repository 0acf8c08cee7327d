import { organisations as contract } from '@spoorboek/shared/contracts/organisations';
import { implement } from '../../http/route';
import * as organisations from './service';

export const organisationRoutes = implement(contract, {
  list: { presentEach: 'Organisation', handler: ({ actor }) => organisations.list(actor) },
  create: { present: 'Organisation', handler: ({ actor, body }) => organisations.create(actor, body) },
});

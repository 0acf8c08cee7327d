import { relations as contract } from '@spoorboek/shared/contracts/relations';
import { implement } from '../../http/route';
import * as relations from './service';

export const relationRoutes = implement(contract, {
  register: async ({ actor, query }) => ({ items: await relations.register(actor, query.year) }),
});

import { clients as contract } from '@spoorboek/shared/contracts/clients';
import { refreshedActor } from '../../auth/actor';
import { implement } from '../../http/route';
import * as clients from './service';

export const clientRoutes = implement(contract, {
  list: { presentEach: 'Client', handler: ({ actor, query }) => clients.list(actor, query) },
  create: {
    present: 'Client',
    handler: async ({ actor, body, req }) => {
      const client = await clients.create(actor, body);
      // The new client may be on the caller's own caseload now: it is presented with fresh facts.
      await refreshedActor(req);
      return client;
    },
  },
  get: { present: 'Client', handler: ({ actor, params }) => clients.get(actor, params.clientId) },
  update: { present: 'Client', handler: ({ actor, params, body }) => clients.update(actor, params.clientId, body) },
  assign: { present: 'Client', handler: ({ actor, params, body }) => clients.assign(actor, params.clientId, body) },
});

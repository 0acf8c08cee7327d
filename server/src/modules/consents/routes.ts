import { consents as contract } from '@spoorboek/shared/contracts/consents';
import { implement } from '../../http/route';
import * as consents from './service';

export const consentRoutes = implement(contract, {
  list: { presentEach: 'Consent', handler: ({ actor, params }) => consents.list(actor, params.clientId) },
  grant: { present: 'Consent', handler: ({ actor, params, body }) => consents.grant(actor, params.clientId, body) },
  withdraw: { present: 'Consent', handler: ({ actor, params }) => consents.withdraw(actor, params) },
  listHandovers: { presentEach: 'Handover', handler: ({ actor, params }) => consents.listHandovers(actor, params.clientId) },
  requestHandover: { present: 'Handover', handler: ({ actor, params, body }) => consents.createHandover(actor, params.clientId, body) },
});

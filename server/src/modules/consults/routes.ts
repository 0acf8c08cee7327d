import { consults as contract } from '@spoorboek/shared/contracts/consults';
import { implement } from '../../http/route';
import * as consults from './service';

export const consultRoutes = implement(contract, {
  list: { presentEach: 'Consult', handler: ({ actor, params }) => consults.list(actor, params.clientId) },
  create: { present: 'Consult', handler: ({ actor, params, body }) => consults.create(actor, params.clientId, body) },
  get: { present: 'Consult', handler: ({ actor, params }) => consults.get(actor, params) },
  update: { present: 'Consult', handler: ({ actor, params, body }) => consults.update(actor, params, body) },
  remove: ({ actor, params }) => consults.remove(actor, params),
  send: { present: 'Consult', handler: ({ actor, params }) => consults.send(actor, params) },
  approve: { present: 'Consult', handler: ({ actor, params, body }) => consults.approve(actor, params, body.comment) },
  dispute: { present: 'Consult', handler: ({ actor, params, body }) => consults.dispute(actor, params, body.comment) },
  addAddendum: { present: 'Consult', handler: ({ actor, params, body }) => consults.addAddendum(actor, params, body.text) },
});

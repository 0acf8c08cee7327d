import { rights as contract } from '@spoorboek/shared/contracts/rights';
import { implement } from '../../http/route';
import { onWire } from '../../http/wire';
import * as objections from './objections';
import * as restriction from './restriction';
import * as requests from './service';

export const rightsRoutes = implement(contract, {
  listForClient: { presentEach: 'DataSubjectRequest', handler: ({ actor, params }) => requests.listForClient(actor, params.clientId) },
  submit: { present: 'DataSubjectRequest', handler: ({ actor, params, body }) => requests.file(actor, params.clientId, body) },
  list: { presentEach: 'DataSubjectRequest', handler: ({ actor, query }) => requests.queue(actor, query) },
  register: { present: 'DataSubjectRequest', handler: ({ actor, body }) => requests.recordRequest(actor, body) },
  get: { present: 'DataSubjectRequest', handler: ({ actor, params }) => requests.get(actor, params.requestId) },
  checkIdentity: { present: 'DataSubjectRequest', handler: ({ actor, params, body }) => requests.checkIdentity(actor, params.requestId, body) },
  extend: { present: 'DataSubjectRequest', handler: ({ actor, params, body }) => requests.extend(actor, params.requestId, body) },
  resolve: { present: 'DataSubjectRequest', handler: ({ actor, params, body }) => requests.resolve(actor, params.requestId, body) },
  setObjections: ({ actor, params, body }) => onWire(objections.record(actor, params.clientId, body)),
  restrict: ({ actor, params, body }) => onWire(restriction.restrict(actor, params.clientId, body)),
  liftRestriction: ({ actor, params }) => onWire(restriction.lift(actor, params.clientId)),
});

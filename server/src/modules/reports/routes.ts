import { reports as contract } from '@spoorboek/shared/contracts/reports';
import { implement } from '../../http/route';
import * as reports from './service';

export const reportRoutes = implement(contract, {
  list: { presentEach: 'Report', handler: ({ actor, params }) => reports.list(actor, params.clientId) },
  create: { present: 'Report', handler: ({ actor, params, body }) => reports.create(actor, params.clientId, body) },
  checkWording: ({ actor, params, body }) => reports.checkWording(actor, params.clientId, body),
  get: { present: 'Report', handler: ({ actor, params }) => reports.get(actor, params) },
  update: { present: 'Report', handler: ({ actor, params, body }) => reports.update(actor, params, body) },
  remove: ({ actor, params }) => reports.remove(actor, params),
  send: { present: 'Report', handler: ({ actor, params }) => reports.send(actor, params) },
  approve: { present: 'Report', handler: ({ actor, params }) => reports.approve(actor, params) },
  dispute: ({ actor, params, body }) => reports.dispute(actor, params, body.comment),
  consentText: ({ actor, params }) => reports.consentText(actor, params),
  share: { present: 'Report', handler: ({ actor, params }) => reports.share(actor, params) },
});

import { activities as contract } from '@spoorboek/shared/contracts/activities';
import { implement } from '../../http/route';
import * as activities from './service';

export const activityRoutes = implement(contract, {
  list: { presentEach: 'Activity', handler: ({ actor, params, query }) => activities.list(actor, params.clientId, query.month) },
  totals: ({ actor, params }) => activities.totals(actor, params.clientId),
  create: { present: 'Activity', handler: ({ actor, params, body }) => activities.create(actor, params.clientId, body) },
  update: { present: 'Activity', handler: ({ actor, params, body }) => activities.update(actor, params, body) },
  remove: ({ actor, params }) => activities.remove(actor, params),
});

import { ManagementFiguresQuery, ManagementFiguresView } from '@spoorboek/shared/schemas/statistics';
import { actorOf } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import * as statistics from './service';

export const statisticsRoutes: RouteGroup = {
  tag: 'Managementinformatie',
  routes: [
    route({
      method: 'get', path: '/management-figures',
      summary: 'Anonieme managementinformatie per kalenderjaar (groepen van minder dan vijf cliënten verborgen)',
      query: ManagementFiguresQuery, response: ManagementFiguresView,
      handler: async (req, res) => {
        res.json(await statistics.figures(actorOf(req), req.query.year));
      },
    }),
  ],
};

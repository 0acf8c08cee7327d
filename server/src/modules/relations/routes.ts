import { RelationRegisterQuery, RelationRegisterView } from '@spoorboek/shared/schemas/employer';
import { actorOf } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import * as relations from './service';

export const relationRoutes: RouteGroup = {
  tag: 'Relatiebeheer',
  routes: [
    route({
      method: 'get', path: '/relation-register', summary: 'Relatieregister: per werkgever cliëntnamen, soort dienst en jaar',
      query: RelationRegisterQuery, response: RelationRegisterView,
      handler: async (req, res) => {
        res.json({ items: await relations.register(actorOf(req), req.query.year) });
      },
    }),
  ],
};

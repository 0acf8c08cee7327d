import { AccessLogQuery, AccessLogView } from '../../../../shared/src/schemas/accessLog';
import { ClientParams } from '../../../../shared/src/schemas/clients';
import { actorOf } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import { present } from '../../policy/enforce';
import * as privacy from './service';

export const privacyRoutes: RouteGroup = {
  tag: 'Privacy',
  routes: [
    route({
      method: 'get', path: '/clients/:clientId/access-log', summary: 'Wie heeft mijn dossier ingezien (cliënt en privacy officer)',
      params: ClientParams, query: AccessLogQuery, response: AccessLogView,
      handler: async (req, res) => {
        const actor = actorOf(req);
        const events = await privacy.accessLog(actor, req.params.clientId, req.query);
        res.json({ items: events.map((event) => present(actor, 'AuditEvent', event)) });
      },
    }),
  ],
};

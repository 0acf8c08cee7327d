import { AccessLogQuery, AccessLogView, AuditLogPage, AuditLogQuery, AuditVerifyView } from '@spoorboek/shared/schemas/accessLog';
import type { Config } from '../../config';
import { ClientParams } from '@spoorboek/shared/schemas/clients';
import { actorOf } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import { present } from '../../policy/enforce';
import * as privacy from './service';
import type { AccessLogQuery as AccessLogQueryValue } from '@spoorboek/shared/schemas/accessLog';

export function privacyRoutes(config: Config): RouteGroup {
  return {
    tag: 'Privacy',
    routes: [
      route({
        method: 'get', path: '/clients/:clientId/access-log', summary: 'Wie heeft mijn dossier ingezien (cliënt en privacy officer)',
        params: ClientParams, query: AccessLogQuery, response: AccessLogView,
        handler: async (req, res) => {
          const actor = actorOf(req);
          // Lines are built from the events the presenter would show (the client's slice of each event), nothing more.
          res.json(await privacy.accessLog(actor, req.params.clientId, req.query as unknown as AccessLogQueryValue));
        },
      }),
      route({
        method: 'get', path: '/audit', summary: 'Audittrail doorzoeken (privacy officer), nieuwste eerst', query: AuditLogQuery,
        response: AuditLogPage,
        handler: async (req, res) => {
          const actor = actorOf(req);
          const page = await privacy.auditLog(actor, req.query);
          res.json({ ...page, items: page.items.map((event) => present(actor, 'AuditEvent', event)) });
        },
      }),
      route({
        method: 'get', path: '/audit/verify', summary: 'De hashketen van de audittrail controleren', response: AuditVerifyView,
        handler: async (req, res) => {
          res.json(await privacy.verify(actorOf(req), config.masterKey));
        },
      }),
    ],
  };
}

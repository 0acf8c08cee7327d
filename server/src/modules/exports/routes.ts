import { ClientParams } from '@spoorboek/shared/schemas/clients';
import { ExportList, ExportParams, ExportView, RequestParams } from '@spoorboek/shared/schemas/rights';
import { actorOf } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import type { Logger } from '../../logger';
import * as exports from './service';

const logOf = (req: unknown) => (req as { log?: Logger }).log;

export const exportRoutes: RouteGroup = {
  tag: 'Inzage en overdracht',
  routes: [
    route({
      method: 'get', path: '/clients/:clientId/exports', summary: 'Mijn exports en hun voortgang', params: ClientParams, response: ExportList,
      handler: async (req, res) => {
        res.json({ items: await exports.list(actorOf(req), req.params.clientId) });
      },
    }),
    route({
      method: 'post', path: '/clients/:clientId/exports', summary: 'Een export van mijn hele dossier laten maken (ZIP met JSON, PDF en bestanden)',
      params: ClientParams, response: ExportView, status: 201, errors: [409],
      handler: async (req, res) => {
        res.status(201).json(await exports.start(actorOf(req), req.params.clientId, logOf(req)));
      },
    }),
    route({
      method: 'get', path: '/clients/:clientId/exports/:exportId', summary: 'De voortgang van één export', params: ExportParams, response: ExportView,
      handler: async (req, res) => {
        res.json(await exports.get(actorOf(req), req.params.clientId, req.params.exportId));
      },
    }),
    route({
      method: 'get', path: '/clients/:clientId/exports/:exportId/content', summary: 'De export downloaden (alleen de cliënt zelf)',
      params: ExportParams, response: { binary: true }, errors: [409, 410],
      handler: async (req, res) => {
        await exports.download(actorOf(req), req.params.clientId, req.params.exportId, () => {
          res.attachment(`dossier-${new Date().toISOString().slice(0, 10)}.zip`).type('application/zip')
            .setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
          res.setHeader('Cache-Control', 'no-store');
          return res;
        });
      },
    }),
    route({
      method: 'post', path: '/privacy/requests/:requestId/export', summary: 'Een export vrijgeven voor een verzoek om inzage of overdracht',
      params: RequestParams, response: ExportView, status: 201, errors: [409],
      handler: async (req, res) => {
        res.status(201).json(await exports.release(actorOf(req), req.params.requestId, logOf(req)));
      },
    }),
  ],
};

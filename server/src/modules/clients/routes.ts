import {
  AssignmentsBody, ClientListQuery, ClientPage, ClientParams, ClientView, CreateClientBody, UpdateClientBody,
} from '@spoorboek/shared/schemas/clients';
import { actorOf, refreshedActor } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import { present } from '../../policy/enforce';
import * as clients from './service';

export const clientRoutes: RouteGroup = {
  tag: 'Cliënten',
  routes: [
    route({
      method: 'get', path: '/clients', summary: 'Caseload: de cliënten die u mag zien, met zoeken op naam en filter op status',
      query: ClientListQuery, response: ClientPage,
      handler: async (req, res) => {
        const actor = actorOf(req);
        const page = await clients.list(actor, req.query);
        res.json({ ...page, items: page.items.map((client) => present(actor, 'Client', client)) });
      },
    }),
    route({
      method: 'post', path: '/clients', summary: 'Nieuwe cliënt aanmelden (intake)', body: CreateClientBody,
      response: ClientView, status: 201,
      handler: async (req, res) => {
        const client = await clients.create(actorOf(req), req.body);
        // The new client may be on the caller's own caseload now: present it with fresh facts.
        res.status(201).json(present(await refreshedActor(req), 'Client', client));
      },
    }),
    route({
      method: 'get', path: '/clients/:clientId', summary: 'Personalia en traject van één cliënt', params: ClientParams,
      response: ClientView,
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'Client', await clients.get(actor, req.params.clientId)));
      },
    }),
    route({
      method: 'patch', path: '/clients/:clientId', summary: 'Personalia of traject bijwerken', params: ClientParams,
      body: UpdateClientBody, response: ClientView,
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'Client', await clients.update(actor, req.params.clientId, req.body)));
      },
    }),
    route({
      method: 'put', path: '/clients/:clientId/assignments', summary: 'Coach, bedrijfsarts of arbeidsdeskundige toewijzen',
      params: ClientParams, body: AssignmentsBody, response: ClientView,
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'Client', await clients.assign(actor, req.params.clientId, req.body)));
      },
    }),
  ],
};

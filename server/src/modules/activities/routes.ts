import {
  ActivityList, ActivityListQuery, ActivityParams, ActivityTotals, ActivityView, CreateActivityBody, UpdateActivityBody,
} from '@spoorboek/shared/schemas/activities';
import { ClientParams } from '@spoorboek/shared/schemas/clients';
import { actorOf } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import { present } from '../../policy/enforce';
import * as activities from './service';

const base = '/clients/:clientId/activities';

export const activityRoutes: RouteGroup = {
  tag: 'Tijdsregistratie',
  routes: [
    route({
      method: 'get', path: base, summary: 'Tijdsregistratie van een cliënt, eventueel voor één maand',
      params: ClientParams, query: ActivityListQuery, response: ActivityList,
      handler: async (req, res) => {
        const actor = actorOf(req);
        const items = await activities.list(actor, req.params.clientId, req.query.month);
        res.json({ items: items.map((activity) => present(actor, 'Activity', activity)) });
      },
    }),
    route({
      method: 'get', path: `${base}/totals`, summary: 'Totalen per maand en per soort activiteit', params: ClientParams,
      response: ActivityTotals,
      handler: async (req, res) => {
        res.json(await activities.totals(actorOf(req), req.params.clientId));
      },
    }),
    route({
      method: 'post', path: base, summary: 'Activiteit registreren', params: ClientParams, body: CreateActivityBody,
      response: ActivityView, status: 201,
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.status(201).json(present(actor, 'Activity', await activities.create(actor, req.params.clientId, req.body)));
      },
    }),
    route({
      method: 'patch', path: `${base}/:activityId`, summary: 'Eigen registratie corrigeren', params: ActivityParams,
      body: UpdateActivityBody, response: ActivityView,
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'Activity', await activities.update(actor, req.params, req.body)));
      },
    }),
    route({
      method: 'delete', path: `${base}/:activityId`, summary: 'Eigen registratie verwijderen', params: ActivityParams,
      response: null,
      handler: async (req, res) => {
        await activities.remove(actorOf(req), req.params);
        res.status(204).end();
      },
    }),
  ],
};

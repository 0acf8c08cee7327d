import {
  BreachIncidentList, BreachIncidentView, BreachParams, BreachSignalList, RecordBreachBody, UpdateBreachBody,
} from '@spoorboek/shared/schemas/breach';
import { actorOf } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import * as breach from './service';

export const breachRoutes: RouteGroup = {
  tag: 'Datalekken',
  routes: [
    route({
      method: 'get', path: '/privacy/signals', summary: 'Signalen uit de audittrail die op een datalek kunnen wijzen (privacy officer)',
      response: BreachSignalList,
      handler: async (req, res) => {
        res.json({ items: await breach.signals(actorOf(req)) });
      },
    }),
    route({
      method: 'get', path: '/privacy/breaches', summary: 'Het register van datalekken (AVG art. 33 lid 5)', response: BreachIncidentList,
      handler: async (req, res) => {
        res.json({ items: await breach.incidents(actorOf(req)) });
      },
    }),
    route({
      method: 'post', path: '/privacy/breaches', summary: 'Een incident vastleggen', body: RecordBreachBody, response: BreachIncidentView, status: 201,
      handler: async (req, res) => {
        res.status(201).json(await breach.record(actorOf(req), req.body));
      },
    }),
    route({
      method: 'patch', path: '/privacy/breaches/:breachId', summary: 'Beoordeling en meldingen (AP, cliënten) bijwerken',
      params: BreachParams, body: UpdateBreachBody, response: BreachIncidentView,
      handler: async (req, res) => {
        res.json(await breach.update(actorOf(req), req.params.breachId, req.body));
      },
    }),
  ],
};

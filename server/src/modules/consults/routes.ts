import { ClientParams } from '@spoorboek/shared/schemas/clients';
import {
  AddendumBody, ApproveBody, ConsultList, ConsultParams, ConsultView, CreateConsultBody, DisputeBody, UpdateConsultBody,
} from '@spoorboek/shared/schemas/consults';
import { actorOf } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import { present } from '../../policy/enforce';
import * as consults from './service';

const base = '/clients/:clientId/consults';

export const consultRoutes: RouteGroup = {
  tag: 'Gespreksverslagen',
  routes: [
    route({
      method: 'get', path: base, summary: 'Gespreksverslagen van een cliënt (de cliënt ziet geen concepten)',
      params: ClientParams, response: ConsultList,
      handler: async (req, res) => {
        const actor = actorOf(req);
        const items = await consults.list(actor, req.params.clientId);
        res.json({ items: items.map((consult) => present(actor, 'Consult', consult)) });
      },
    }),
    route({
      method: 'post', path: base, summary: 'Nieuw gespreksverslag (concept)', params: ClientParams, body: CreateConsultBody,
      response: ConsultView, status: 201,
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.status(201).json(present(actor, 'Consult', await consults.create(actor, req.params.clientId, req.body)));
      },
    }),
    route({
      method: 'get', path: `${base}/:consultId`, summary: 'Eén gespreksverslag met versies en aanvullingen',
      params: ConsultParams, response: ConsultView,
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'Consult', await consults.get(actor, req.params)));
      },
    }),
    route({
      method: 'patch', path: `${base}/:consultId`, summary: 'Concept of betwist verslag aanpassen (nieuwe versie)',
      params: ConsultParams, body: UpdateConsultBody, response: ConsultView, errors: [409],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'Consult', await consults.update(actor, req.params, req.body)));
      },
    }),
    route({
      method: 'delete', path: `${base}/:consultId`, summary: 'Concept verwijderen dat nooit naar de cliënt ging',
      params: ConsultParams, response: null, errors: [409],
      handler: async (req, res) => {
        await consults.remove(actorOf(req), req.params);
        res.status(204).end();
      },
    }),
    route({
      method: 'post', path: `${base}/:consultId/send`, summary: 'Verslag ter goedkeuring naar de cliënt sturen',
      params: ConsultParams, response: ConsultView, errors: [409],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'Consult', await consults.send(actor, req.params)));
      },
    }),
    route({
      method: 'post', path: `${base}/:consultId/approve`, summary: 'Cliënt keurt het verslag goed',
      params: ConsultParams, body: ApproveBody, response: ConsultView, errors: [409],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'Consult', await consults.approve(actor, req.params, req.body.comment)));
      },
    }),
    route({
      method: 'post', path: `${base}/:consultId/dispute`, summary: 'Cliënt is het niet eens met het verslag (met toelichting)',
      params: ConsultParams, body: DisputeBody, response: ConsultView, errors: [409],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'Consult', await consults.dispute(actor, req.params, req.body.comment)));
      },
    }),
    route({
      method: 'post', path: `${base}/:consultId/addenda`, summary: 'Aanvulling op een goedgekeurd verslag',
      params: ConsultParams, body: AddendumBody, response: ConsultView, status: 201, errors: [409],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.status(201).json(present(actor, 'Consult', await consults.addAddendum(actor, req.params, req.body.text)));
      },
    }),
  ],
};

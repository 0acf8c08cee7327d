import { ClientParams } from '@spoorboek/shared/schemas/clients';
import {
  DataSubjectRequestList, DataSubjectRequestView, ExtendRequestBody, FileRequestBody, IdentityCheckBody, RecordRequestBody,
  ObjectionsBody, ObjectionsView, RequestParams, RequestQueueQuery, ResolveRequestBody, RestrictionBody, RestrictionView,
} from '@spoorboek/shared/schemas/rights';
import * as restriction from './restriction';
import * as objections from './objections';
import { actorOf } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import * as requests from './service';

export const rightsRoutes: RouteGroup = {
  tag: 'Rechten van betrokkenen',
  routes: [
    route({
      method: 'get', path: '/clients/:clientId/requests', summary: 'Mijn privacyverzoeken en hun stand (cliënt, privacy officer)',
      params: ClientParams, response: DataSubjectRequestList,
      handler: async (req, res) => {
        res.json({ items: await requests.listForClient(actorOf(req), req.params.clientId) });
      },
    }),
    route({
      method: 'post', path: '/clients/:clientId/requests', summary: 'Een verzoek indienen: inzage, correctie, verwijdering, beperking, overdracht of bezwaar',
      params: ClientParams, body: FileRequestBody, response: DataSubjectRequestView, status: 201,
      handler: async (req, res) => {
        res.status(201).json(await requests.file(actorOf(req), req.params.clientId, req.body));
      },
    }),
    route({
      method: 'get', path: '/privacy/requests', summary: 'Wachtrij van de privacy officer: te laat en deze week eerst',
      query: RequestQueueQuery, response: DataSubjectRequestList,
      handler: async (req, res) => {
        res.json({ items: await requests.queue(actorOf(req), req.query) });
      },
    }),
    route({
      method: 'post', path: '/privacy/requests', summary: 'Een verzoek per brief, telefoon of e-mail vastleggen',
      body: RecordRequestBody, response: DataSubjectRequestView, status: 201,
      handler: async (req, res) => {
        res.status(201).json(await requests.recordRequest(actorOf(req), req.body));
      },
    }),
    route({
      method: 'get', path: '/privacy/requests/:requestId', summary: 'Eén verzoek', params: RequestParams, response: DataSubjectRequestView,
      handler: async (req, res) => {
        res.json(await requests.get(actorOf(req), req.params.requestId));
      },
    }),
    route({
      method: 'post', path: '/privacy/requests/:requestId/identity-check', summary: 'De identiteitscontrole vastleggen (hoe, door wie)',
      params: RequestParams, body: IdentityCheckBody, response: DataSubjectRequestView, errors: [409],
      handler: async (req, res) => {
        res.json(await requests.checkIdentity(actorOf(req), req.params.requestId, req.body));
      },
    }),
    route({
      method: 'post', path: '/privacy/requests/:requestId/extend', summary: 'De termijn eenmalig verlengen met een reden voor de cliënt',
      params: RequestParams, body: ExtendRequestBody, response: DataSubjectRequestView, errors: [409],
      handler: async (req, res) => {
        res.json(await requests.extend(actorOf(req), req.params.requestId, req.body));
      },
    }),
    route({
      method: 'post', path: '/privacy/requests/:requestId/resolve', summary: 'Het verzoek beantwoorden (afgehandeld of afgewezen)',
      params: RequestParams, body: ResolveRequestBody, response: DataSubjectRequestView, errors: [409],
      handler: async (req, res) => {
        res.json(await requests.resolve(actorOf(req), req.params.requestId, req.body));
      },
    }),
    route({
      method: 'put', path: '/clients/:clientId/objections', summary: 'Bezwaar maken (of intrekken) tegen bewaren na het traject en tegen managementcijfers',
      params: ClientParams, body: ObjectionsBody, response: ObjectionsView,
      handler: async (req, res) => {
        res.json(await objections.record(actorOf(req), req.params.clientId, req.body));
      },
    }),
    route({
      method: 'post', path: '/privacy/clients/:clientId/restriction', summary: 'De verwerking van een dossier beperken (AVG art. 18)',
      params: ClientParams, body: RestrictionBody, response: RestrictionView, errors: [409],
      handler: async (req, res) => {
        res.json(await restriction.restrict(actorOf(req), req.params.clientId, req.body));
      },
    }),
    route({
      method: 'delete', path: '/privacy/clients/:clientId/restriction', summary: 'De beperking opheffen (de cliënt ziet dit in het portaal)',
      params: ClientParams, response: RestrictionView, errors: [409],
      handler: async (req, res) => {
        res.json(await restriction.lift(actorOf(req), req.params.clientId));
      },
    }),
  ],
};

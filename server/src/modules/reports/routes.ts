import { ClientParams } from '@spoorboek/shared/schemas/clients';
import { DisputeBody } from '@spoorboek/shared/schemas/consults';
import {
  ConsentTextView, CreateReportBody, ReportList, ReportParams, ReportView, UpdateReportBody, WordingCheckBody, WordingCheckView,
} from '@spoorboek/shared/schemas/reports';
import { actorOf } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import { present } from '../../policy/enforce';
import * as reports from './service';

const base = '/clients/:clientId/reports';

export const reportRoutes: RouteGroup = {
  tag: 'Voortgangsrapportages',
  routes: [
    route({
      method: 'get', path: base, summary: 'Rapportages van een cliënt (de werkgever ziet alleen gedeelde, met toestemming)',
      params: ClientParams, response: ReportList,
      handler: async (req, res) => {
        const actor = actorOf(req);
        const items = await reports.list(actor, req.params.clientId);
        res.json({ items: items.map((report) => present(actor, 'Report', report)) });
      },
    }),
    route({
      method: 'post', path: base, summary: 'Nieuwe rapportage (concept) op basis van goedgekeurde verslagen',
      params: ClientParams, body: CreateReportBody, response: ReportView, status: 201, errors: [409],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.status(201).json(present(actor, 'Report', await reports.create(actor, req.params.clientId, req.body)));
      },
    }),
    route({
      method: 'post', path: `${base}/wording-check`, summary: 'Tekst controleren op medische termen (zonder op te slaan)',
      params: ClientParams, body: WordingCheckBody, response: WordingCheckView,
      handler: async (req, res) => {
        res.json(await reports.checkWording(actorOf(req), req.params.clientId, req.body));
      },
    }),
    route({
      method: 'get', path: `${base}/:reportId`, summary: 'Eén rapportage', params: ReportParams, response: ReportView,
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'Report', await reports.get(actor, req.params)));
      },
    }),
    route({
      method: 'patch', path: `${base}/:reportId`, summary: 'Concept aanpassen', params: ReportParams, body: UpdateReportBody,
      response: ReportView, errors: [409],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'Report', await reports.update(actor, req.params, req.body)));
      },
    }),
    route({
      method: 'delete', path: `${base}/:reportId`, summary: 'Concept verwijderen', params: ReportParams, response: null,
      errors: [409],
      handler: async (req, res) => {
        await reports.remove(actorOf(req), req.params);
        res.status(204).end();
      },
    }),
    route({
      method: 'post', path: `${base}/:reportId/send`, summary: 'Ter goedkeuring naar de cliënt (na controle op medische termen)',
      params: ReportParams, response: ReportView, errors: [409, 422],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'Report', await reports.send(actor, req.params)));
      },
    }),
    route({
      method: 'post', path: `${base}/:reportId/approve`, summary: 'Cliënt keurt de inhoud goed', params: ReportParams,
      response: ReportView, errors: [409],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'Report', await reports.approve(actor, req.params)));
      },
    }),
    route({
      method: 'post', path: `${base}/:reportId/dispute`, summary: 'Cliënt is het niet eens; terug naar de coach als concept',
      description: 'De cliënt ziet de rapportage weer zodra de coach haar opnieuw ter goedkeuring stuurt.',
      params: ReportParams, body: DisputeBody, response: null, errors: [409],
      handler: async (req, res) => {
        await reports.dispute(actorOf(req), req.params, req.body.comment);
        res.status(204).end();
      },
    }),
    route({
      method: 'get', path: `${base}/:reportId/consent-text`, summary: 'De tekst van de toestemming, om te tonen vóór het delen',
      params: ReportParams, response: ConsentTextView, errors: [409],
      handler: async (req, res) => {
        res.json(await reports.consentText(actorOf(req), req.params));
      },
    }),
    route({
      method: 'post', path: `${base}/:reportId/share`, summary: 'Cliënt geeft toestemming om deze rapportage met de werkgever te delen',
      params: ReportParams, response: ReportView, errors: [409, 422],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'Report', await reports.share(actor, req.params)));
      },
    }),
  ],
};

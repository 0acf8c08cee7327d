/** The voortgangsrapportages endpoints (reports). */
import { contract } from '../contract';
import { ClientParams } from '../schemas/clients';
import { DisputeBody } from '../schemas/consults';
import {
  ConsentTextView, CreateReportBody, ReportList, ReportParams, ReportView, UpdateReportBody, WordingCheckBody, WordingCheckView,
} from '../schemas/reports';

const base = '/clients/:clientId/reports';

export const reports = contract('Voortgangsrapportages', {
  list: {
    method: 'get',
    path: base,
    summary: 'Rapportages van een cliënt (de werkgever ziet alleen gedeelde, met toestemming)',
    params: ClientParams,
    response: ReportList,
  },
  create: {
    method: 'post',
    path: base,
    summary: 'Nieuwe rapportage (concept) op basis van goedgekeurde verslagen',
    params: ClientParams,
    body: CreateReportBody,
    response: ReportView,
    status: 201,
    errors: [409],
  },
  checkWording: {
    method: 'post',
    path: `${base}/wording-check`,
    summary: 'Tekst controleren op medische termen (zonder op te slaan)',
    params: ClientParams,
    body: WordingCheckBody,
    response: WordingCheckView,
  },
  get: {
    method: 'get',
    path: `${base}/:reportId`,
    summary: 'Eén rapportage',
    params: ReportParams,
    response: ReportView,
  },
  update: {
    method: 'patch',
    path: `${base}/:reportId`,
    summary: 'Concept aanpassen',
    params: ReportParams,
    body: UpdateReportBody,
    response: ReportView,
    errors: [409],
  },
  remove: {
    method: 'delete',
    path: `${base}/:reportId`,
    summary: 'Concept verwijderen',
    params: ReportParams,
    response: null,
    errors: [409],
  },
  send: {
    method: 'post',
    path: `${base}/:reportId/send`,
    summary: 'Ter goedkeuring naar de cliënt (na controle op medische termen)',
    params: ReportParams,
    response: ReportView,
    errors: [409, 422],
  },
  approve: {
    method: 'post',
    path: `${base}/:reportId/approve`,
    summary: 'Cliënt keurt de inhoud goed',
    params: ReportParams,
    response: ReportView,
    errors: [409],
  },
  dispute: {
    method: 'post',
    path: `${base}/:reportId/dispute`,
    summary: 'Cliënt is het niet eens; terug naar de coach als concept',
    description: 'De cliënt ziet de rapportage weer zodra de coach haar opnieuw ter goedkeuring stuurt.',
    params: ReportParams,
    body: DisputeBody,
    response: null,
    errors: [409],
  },
  consentText: {
    method: 'get',
    path: `${base}/:reportId/consent-text`,
    summary: 'De tekst van de toestemming, om te tonen vóór het delen',
    params: ReportParams,
    response: ConsentTextView,
    errors: [409],
  },
  share: {
    method: 'post',
    path: `${base}/:reportId/share`,
    summary: 'Cliënt geeft toestemming om deze rapportage met de werkgever te delen',
    params: ReportParams,
    response: ReportView,
    errors: [409, 422],
  },
});

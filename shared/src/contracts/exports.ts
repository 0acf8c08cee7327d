/** The inzage en overdracht endpoints (exports). */
import { BINARY, contract } from '../contract';
import { ClientParams } from '../schemas/clients';
import { ExportList, ExportParams, ExportView, RequestParams } from '../schemas/rights';

export const dataExports = contract('Inzage en overdracht', {
  list: {
    method: 'get',
    path: '/clients/:clientId/exports',
    summary: 'Mijn exports en hun voortgang',
    params: ClientParams,
    response: ExportList,
  },
  request: {
    method: 'post',
    path: '/clients/:clientId/exports',
    summary: 'Een export van mijn hele dossier laten maken (ZIP met JSON, PDF en bestanden)',
    params: ClientParams,
    response: ExportView,
    status: 201,
    errors: [409],
  },
  get: {
    method: 'get',
    path: '/clients/:clientId/exports/:exportId',
    summary: 'De voortgang van één export',
    params: ExportParams,
    response: ExportView,
  },
  download: {
    method: 'get',
    path: '/clients/:clientId/exports/:exportId/content',
    summary: 'De export downloaden (alleen de cliënt zelf)',
    params: ExportParams,
    response: BINARY,
    errors: [409, 410],
  },
  forRequest: {
    method: 'post',
    path: '/privacy/requests/:requestId/export',
    summary: 'Een export vrijgeven voor een verzoek om inzage of overdracht',
    params: RequestParams,
    response: ExportView,
    status: 201,
    errors: [409],
  },
});

/** The cliënten endpoints (clients). */
import { contract } from '../contract';
import {
  AssignmentsBody, ClientListQuery, ClientPage, ClientParams, ClientView, CreateClientBody, UpdateClientBody,
} from '../schemas/clients';

export const clients = contract('Cliënten', {
  list: {
    method: 'get',
    path: '/clients',
    summary: 'Caseload: de cliënten die u mag zien, met zoeken op naam en filter op status',
    query: ClientListQuery,
    response: ClientPage,
  },
  create: {
    method: 'post',
    path: '/clients',
    summary: 'Nieuwe cliënt aanmelden (intake)',
    body: CreateClientBody,
    response: ClientView,
    status: 201,
  },
  get: {
    method: 'get',
    path: '/clients/:clientId',
    summary: 'Personalia en traject van één cliënt',
    params: ClientParams,
    response: ClientView,
  },
  update: {
    method: 'patch',
    path: '/clients/:clientId',
    summary: 'Personalia of traject bijwerken',
    params: ClientParams,
    body: UpdateClientBody,
    response: ClientView,
  },
  assign: {
    method: 'put',
    path: '/clients/:clientId/assignments',
    summary: 'Coach, bedrijfsarts of arbeidsdeskundige toewijzen',
    params: ClientParams,
    body: AssignmentsBody,
    response: ClientView,
  },
});

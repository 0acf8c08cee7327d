/** The gespreksverslagen endpoints (consults). */
import { contract } from '../contract';
import { ClientParams } from '../schemas/clients';
import {
  AddendumBody, ApproveBody, ConsultList, ConsultParams, ConsultView, CreateConsultBody, DisputeBody, UpdateConsultBody,
} from '../schemas/consults';

const base = '/clients/:clientId/consults';

export const consults = contract('Gespreksverslagen', {
  list: {
    method: 'get',
    path: base,
    summary: 'Gespreksverslagen van een cliënt (de cliënt ziet geen concepten)',
    params: ClientParams,
    response: ConsultList,
  },
  create: {
    method: 'post',
    path: base,
    summary: 'Nieuw gespreksverslag (concept)',
    params: ClientParams,
    body: CreateConsultBody,
    response: ConsultView,
    status: 201,
  },
  get: {
    method: 'get',
    path: `${base}/:consultId`,
    summary: 'Eén gespreksverslag met versies en aanvullingen',
    params: ConsultParams,
    response: ConsultView,
  },
  update: {
    method: 'patch',
    path: `${base}/:consultId`,
    summary: 'Concept of betwist verslag aanpassen (nieuwe versie)',
    params: ConsultParams,
    body: UpdateConsultBody,
    response: ConsultView,
    errors: [409],
  },
  remove: {
    method: 'delete',
    path: `${base}/:consultId`,
    summary: 'Concept verwijderen dat nooit naar de cliënt ging',
    params: ConsultParams,
    response: null,
    errors: [409],
  },
  send: {
    method: 'post',
    path: `${base}/:consultId/send`,
    summary: 'Verslag ter goedkeuring naar de cliënt sturen',
    params: ConsultParams,
    response: ConsultView,
    errors: [409],
  },
  approve: {
    method: 'post',
    path: `${base}/:consultId/approve`,
    summary: 'Cliënt keurt het verslag goed',
    params: ConsultParams,
    body: ApproveBody,
    response: ConsultView,
    errors: [409],
  },
  dispute: {
    method: 'post',
    path: `${base}/:consultId/dispute`,
    summary: 'Cliënt is het niet eens met het verslag (met toelichting)',
    params: ConsultParams,
    body: DisputeBody,
    response: ConsultView,
    errors: [409],
  },
  addAddendum: {
    method: 'post',
    path: `${base}/:consultId/addenda`,
    summary: 'Aanvulling op een goedgekeurd verslag',
    params: ConsultParams,
    body: AddendumBody,
    response: ConsultView,
    status: 201,
    errors: [409],
  },
});

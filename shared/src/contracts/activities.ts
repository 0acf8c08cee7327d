/** The tijdsregistratie endpoints (activities). */
import { contract } from '../contract';
import {
  ActivityList, ActivityListQuery, ActivityParams, ActivityTotals, ActivityView, CreateActivityBody, UpdateActivityBody,
} from '../schemas/activities';
import { ClientParams } from '../schemas/clients';

const base = '/clients/:clientId/activities';

export const activities = contract('Tijdsregistratie', {
  list: {
    method: 'get',
    path: base,
    summary: 'Tijdsregistratie van een cliënt, eventueel voor één maand',
    params: ClientParams,
    query: ActivityListQuery,
    response: ActivityList,
  },
  totals: {
    method: 'get',
    path: `${base}/totals`,
    summary: 'Totalen per maand en per soort activiteit',
    params: ClientParams,
    response: ActivityTotals,
  },
  create: {
    method: 'post',
    path: base,
    summary: 'Activiteit registreren',
    params: ClientParams,
    body: CreateActivityBody,
    response: ActivityView,
    status: 201,
  },
  update: {
    method: 'patch',
    path: `${base}/:activityId`,
    summary: 'Eigen registratie corrigeren',
    params: ActivityParams,
    body: UpdateActivityBody,
    response: ActivityView,
  },
  remove: {
    method: 'delete',
    path: `${base}/:activityId`,
    summary: 'Eigen registratie verwijderen',
    params: ActivityParams,
    response: null,
  },
});

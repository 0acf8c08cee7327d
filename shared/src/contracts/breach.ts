/** The datalekken endpoints (breach). */
import { contract } from '../contract';
import {
  BreachIncidentList, BreachIncidentView, BreachParams, BreachSignalList, RecordBreachBody, UpdateBreachBody,
} from '../schemas/breach';

export const breaches = contract('Datalekken', {
  signals: {
    method: 'get',
    path: '/privacy/signals',
    summary: 'Signalen uit de audittrail die op een datalek kunnen wijzen (privacy officer)',
    response: BreachSignalList,
  },
  list: {
    method: 'get',
    path: '/privacy/breaches',
    summary: 'Het register van datalekken (AVG art. 33 lid 5)',
    response: BreachIncidentList,
  },
  report: {
    method: 'post',
    path: '/privacy/breaches',
    summary: 'Een incident vastleggen',
    body: RecordBreachBody,
    response: BreachIncidentView,
    status: 201,
  },
  update: {
    method: 'patch',
    path: '/privacy/breaches/:breachId',
    summary: 'Beoordeling en meldingen (AP, cliënten) bijwerken',
    params: BreachParams,
    body: UpdateBreachBody,
    response: BreachIncidentView,
  },
});

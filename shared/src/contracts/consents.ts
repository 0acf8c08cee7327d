/** The toestemmingen endpoints (consents). */
import { contract } from '../contract';
import { ClientParams } from '../schemas/clients';
import {
  ConsentList, ConsentParams, ConsentView, CreateHandoverBody, GrantConsentBody, HandoverList, HandoverView,
} from '../schemas/consents';

export const consents = contract('Toestemmingen', {
  list: {
    method: 'get',
    path: '/clients/:clientId/consents',
    summary: 'Alle toestemmingen, ook ingetrokken (volledige historie)',
    params: ClientParams,
    response: ConsentList,
  },
  grant: {
    method: 'post',
    path: '/clients/:clientId/consents',
    summary: 'Toestemming geven (FML-capaciteiten voor de coach, of vervanging)',
    description: 'Een rapportage delen met de werkgever gaat via POST …/reports/{reportId}/share.',
    params: ClientParams,
    body: GrantConsentBody,
    response: ConsentView,
    status: 201,
    errors: [409],
  },
  withdraw: {
    method: 'post',
    path: '/clients/:clientId/consents/:consentId/withdraw',
    summary: 'Toestemming intrekken (vanaf nu, niet met terugwerkende kracht)',
    params: ConsentParams,
    response: ConsentView,
    errors: [409],
  },
  listHandovers: {
    method: 'get',
    path: '/clients/:clientId/handovers',
    summary: 'Vervangingen van de coach',
    params: ClientParams,
    response: HandoverList,
  },
  requestHandover: {
    method: 'post',
    path: '/clients/:clientId/handovers',
    summary: 'Vervanging regelen (geldt pas na toestemming van de cliënt)',
    params: ClientParams,
    body: CreateHandoverBody,
    response: HandoverView,
    status: 201,
  },
});

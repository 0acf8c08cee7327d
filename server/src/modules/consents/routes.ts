import { ClientParams } from '@spoorboek/shared/schemas/clients';
import {
  ConsentList, ConsentParams, ConsentView, CreateHandoverBody, GrantConsentBody, HandoverList, HandoverView,
} from '@spoorboek/shared/schemas/consents';
import { actorOf } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import { present } from '../../policy/enforce';
import * as consents from './service';

export const consentRoutes: RouteGroup = {
  tag: 'Toestemmingen',
  routes: [
    route({
      method: 'get', path: '/clients/:clientId/consents', summary: 'Alle toestemmingen, ook ingetrokken (volledige historie)',
      params: ClientParams, response: ConsentList,
      handler: async (req, res) => {
        const actor = actorOf(req);
        const items = await consents.list(actor, req.params.clientId);
        res.json({ items: items.map((consent) => present(actor, 'Consent', consent)) });
      },
    }),
    route({
      method: 'post', path: '/clients/:clientId/consents', summary: 'Toestemming geven (FML-capaciteiten voor de coach, of vervanging)',
      description: 'Een rapportage delen met de werkgever gaat via POST …/reports/{reportId}/share.',
      params: ClientParams, body: GrantConsentBody, response: ConsentView, status: 201, errors: [409],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.status(201).json(present(actor, 'Consent', await consents.grant(actor, req.params.clientId, req.body)));
      },
    }),
    route({
      method: 'post', path: '/clients/:clientId/consents/:consentId/withdraw', summary: 'Toestemming intrekken (vanaf nu, niet met terugwerkende kracht)',
      params: ConsentParams, response: ConsentView, errors: [409],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'Consent', await consents.withdraw(actor, req.params)));
      },
    }),
    route({
      method: 'get', path: '/clients/:clientId/handovers', summary: 'Vervangingen van de coach', params: ClientParams,
      response: HandoverList,
      handler: async (req, res) => {
        const actor = actorOf(req);
        const items = await consents.listHandovers(actor, req.params.clientId);
        res.json({ items: items.map((handover) => present(actor, 'Handover', handover)) });
      },
    }),
    route({
      method: 'post', path: '/clients/:clientId/handovers', summary: 'Vervanging regelen (geldt pas na toestemming van de cliënt)',
      params: ClientParams, body: CreateHandoverBody, response: HandoverView, status: 201,
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.status(201).json(present(actor, 'Handover', await consents.createHandover(actor, req.params.clientId, req.body)));
      },
    }),
  ],
};

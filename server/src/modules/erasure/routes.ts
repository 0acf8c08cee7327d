import { ErasureBody, ErasureView, RequestParams } from '@spoorboek/shared/schemas/rights';
import { actorOf } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import * as erasure from './service';

export const erasureRoutes: RouteGroup = {
  tag: 'Rechten van betrokkenen',
  routes: [
    route({
      method: 'post', path: '/privacy/requests/:requestId/erase', summary: 'De cliënt wissen (crypto-shredding) voor een verzoek om verwijdering',
      description: 'Definitief: de sleutels van de cliënt worden vernietigd, dossier en bestanden verwijderd, het account geanonimiseerd.',
      params: RequestParams, body: ErasureBody, response: ErasureView, errors: [409],
      handler: async (req, res) => {
        res.json(await erasure.erase(actorOf(req), req.params.requestId, req.body));
      },
    }),
  ],
};

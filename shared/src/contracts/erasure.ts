/** The rechten van betrokkenen endpoints (erasure). */
import { contract } from '../contract';
import { ErasureBody, ErasureView, RequestParams } from '../schemas/rights';

export const erasure = contract('Rechten van betrokkenen', {
  erase: {
    method: 'post',
    path: '/privacy/requests/:requestId/erase',
    summary: 'De cliënt wissen (crypto-shredding) voor een verzoek om verwijdering',
    description: 'Definitief: de sleutels van de cliënt worden vernietigd, dossier en bestanden verwijderd, het account geanonimiseerd.',
    params: RequestParams,
    body: ErasureBody,
    response: ErasureView,
    errors: [409],
  },
});

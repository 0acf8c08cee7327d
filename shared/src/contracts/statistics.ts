/** The managementinformatie endpoints (statistics). */
import { contract } from '../contract';
import { ManagementFiguresQuery, ManagementFiguresView } from '../schemas/statistics';

export const statistics = contract('Managementinformatie', {
  figures: {
    method: 'get',
    path: '/management-figures',
    summary: 'Anonieme managementinformatie per kalenderjaar (groepen van minder dan vijf cliënten verborgen)',
    query: ManagementFiguresQuery,
    response: ManagementFiguresView,
  },
});

/** The relatiebeheer endpoints (relations). */
import { contract } from '../contract';
import { RelationRegisterQuery, RelationRegisterView } from '../schemas/employer';

export const relations = contract('Relatiebeheer', {
  register: {
    method: 'get',
    path: '/relation-register',
    summary: 'Relatieregister: per werkgever cliëntnamen, soort dienst en jaar',
    query: RelationRegisterQuery,
    response: RelationRegisterView,
  },
});

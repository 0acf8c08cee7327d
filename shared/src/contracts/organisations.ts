/** The organisaties endpoints (organisations). */
import { contract } from '../contract';
import { CreateOrganisationBody, OrganisationList, OrganisationView } from '../schemas/organisations';

export const organisations = contract('Organisaties', {
  list: {
    method: 'get',
    path: '/organisations',
    summary: 'Organisaties (beheer: alle; coach: werkgevers voor de intake)',
    response: OrganisationList,
    errors: [403],
  },
  create: {
    method: 'post',
    path: '/organisations',
    summary: 'Organisatie toevoegen (functioneel beheer)',
    body: CreateOrganisationBody,
    response: OrganisationView,
    status: 201,
    errors: [409],
  },
});

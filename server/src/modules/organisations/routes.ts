import { CreateOrganisationBody, OrganisationList, OrganisationView } from '@spoorboek/shared/schemas/organisations';
import { actorOf } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import { present } from '../../policy/enforce';
import * as organisations from './service';

export const organisationRoutes: RouteGroup = {
  tag: 'Organisaties',
  routes: [
    route({
      method: 'get', path: '/organisations', summary: 'Organisaties (beheer: alle; coach: werkgevers voor de intake)',
      response: OrganisationList, errors: [403],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json({ items: (await organisations.list(actor)).map((organisation) => present(actor, 'Organisation', organisation)) });
      },
    }),
    route({
      method: 'post', path: '/organisations', summary: 'Organisatie toevoegen (functioneel beheer)', body: CreateOrganisationBody,
      response: OrganisationView, status: 201, errors: [409],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.status(201).json(present(actor, 'Organisation', await organisations.create(actor, req.body)));
      },
    }),
  ],
};

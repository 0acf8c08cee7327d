import { InvitationView, InviteUserBody, UpdateUserBody, UserList, UserParams, UserView } from '../../../../shared/src/schemas/auth';
import { actorOf } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import { present } from '../../policy/enforce';
import * as accounts from './service';

export const accountRoutes: RouteGroup = {
  tag: 'Gebruikersbeheer',
  routes: [
    route({
      method: 'get', path: '/admin/users', summary: 'Alle gebruikers (functioneel beheer)', response: UserList,
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json({ items: (await accounts.listUsers(actor)).map((user) => present(actor, 'User', user)) });
      },
    }),
    route({
      method: 'post', path: '/admin/users', summary: 'Gebruiker uitnodigen', body: InviteUserBody, response: InvitationView,
      status: 201, errors: [409],
      handler: async (req, res) => {
        const actor = actorOf(req);
        const { user, invitationToken } = await accounts.inviteUser(actor, req.body);
        res.status(201).json({ user: present(actor, 'User', user), invitationToken });
      },
    }),
    route({
      method: 'patch', path: '/admin/users/:userId', summary: 'Naam, rollen, organisatie of blokkade wijzigen',
      params: UserParams, body: UpdateUserBody, response: UserView,
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'User', await accounts.updateUser(actor, req.params.userId, req.body)));
      },
    }),
    route({
      method: 'post', path: '/admin/users/:userId/mfa-reset', summary: 'Tweestapsverificatie van een gebruiker resetten',
      params: UserParams, response: null,
      handler: async (req, res) => {
        await accounts.resetMfa(actorOf(req), req.params.userId);
        res.status(204).end();
      },
    }),
  ],
};

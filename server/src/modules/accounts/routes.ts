import { z } from '@spoorboek/shared/schemas/zod';
import {
  InvitationView, InviteUserBody, PendingInvitationList, RoleGrantList, RoleGrantListQuery, RoleGrantParams, RoleGrantView,
  UpdateUserBody, UserList, UserParams, UserView,
} from '@spoorboek/shared/schemas/auth';
import { actorOf } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import { present, type RequestActor } from '../../policy/enforce';
import * as accounts from './service';
import * as grants from './grants';

const UserChangeView = UserView.extend({ pendingGrants: z.array(RoleGrantView) });
const presentGrants = (actor: RequestActor, items: unknown[]) => items.map((grant) => present(actor, 'RoleGrant', grant));

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
      method: 'post', path: '/admin/users',
      summary: 'Gebruiker uitnodigen per e-mail; rollen met toegang tot dossiers wachten op een tweede persoon',
      body: InviteUserBody, response: InvitationView, status: 201, errors: [409],
      handler: async (req, res) => {
        const actor = actorOf(req);
        const { user, pendingGrants } = await accounts.inviteUser(actor, req.body);
        res.status(201).json({ user: present(actor, 'User', user), pendingGrants: presentGrants(actor, pendingGrants) });
      },
    }),
    route({
      method: 'patch', path: '/admin/users/:userId',
      summary: 'Naam, rollen, organisatie of blokkade wijzigen (niet van uzelf; nieuwe dossierrollen wachten op bevestiging)',
      params: UserParams, body: UpdateUserBody, response: UserChangeView,
      handler: async (req, res) => {
        const actor = actorOf(req);
        const { user, pendingGrants } = await accounts.updateUser(actor, req.params.userId, req.body);
        res.json({ ...present(actor, 'User', user), pendingGrants: presentGrants(actor, pendingGrants) });
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
    route({
      method: 'get', path: '/admin/invitations', summary: 'Openstaande uitnodigingen met hun vervaldatum',
      response: PendingInvitationList,
      handler: async (req, res) => {
        const actor = actorOf(req);
        const items = await accounts.listInvitations(actor);
        res.json({ items: items.map(({ user, expiresAt, expired }) => ({ user: present(actor, 'User', user), expiresAt, expired })) });
      },
    }),
    route({
      method: 'post', path: '/admin/invitations/:userId/resend', summary: 'Uitnodiging opnieuw versturen (nieuwe link; de oude vervalt)',
      params: UserParams, response: null, errors: [409],
      handler: async (req, res) => {
        await accounts.resendInvitation(actorOf(req), req.params.userId);
        res.status(204).end();
      },
    }),
    route({
      method: 'delete', path: '/admin/invitations/:userId', summary: 'Uitnodiging intrekken (het nog niet gebruikte account vervalt)',
      params: UserParams, response: null, errors: [409],
      handler: async (req, res) => {
        await accounts.revokeInvitation(actorOf(req), req.params.userId);
        res.status(204).end();
      },
    }),
    route({
      method: 'get', path: '/admin/role-grants',
      summary: 'Voorgestelde rollen en koppelingen aan cliënten (vier-ogenprincipe)', query: RoleGrantListQuery, response: RoleGrantList,
      handler: async (req, res) => {
        const actor = actorOf(req);
        const { grants: items, people } = await grants.listGrants(actor, req.query.status);
        res.json({ items: presentGrants(actor, items), people });
      },
    }),
    route({
      method: 'post', path: '/admin/role-grants/:grantId/approve', summary: 'Een voorstel bevestigen (door een tweede persoon)',
      params: RoleGrantParams, response: RoleGrantView, errors: [409],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'RoleGrant', await grants.decide(actor, req.params.grantId, 'confirmed')));
      },
    }),
    route({
      method: 'post', path: '/admin/role-grants/:grantId/reject', summary: 'Een voorstel afwijzen',
      params: RoleGrantParams, response: RoleGrantView, errors: [409],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'RoleGrant', await grants.decide(actor, req.params.grantId, 'rejected')));
      },
    }),
  ],
};

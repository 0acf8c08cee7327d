/** The gebruikersbeheer endpoints (accounts). */
import { contract } from '../contract';
import {
  InvitationView, InviteUserBody, PendingInvitationList, RoleGrantList, RoleGrantListQuery, RoleGrantParams, RoleGrantView,
  UpdateUserBody, UserChangeView, UserList, UserParams,
} from '../schemas/auth';

export const accounts = contract('Gebruikersbeheer', {
  listUsers: {
    method: 'get',
    path: '/admin/users',
    summary: 'Alle gebruikers (functioneel beheer)',
    response: UserList,
  },
  inviteUser: {
    method: 'post',
    path: '/admin/users',
    summary: 'Gebruiker uitnodigen per e-mail; rollen met toegang tot dossiers wachten op een tweede persoon',
    body: InviteUserBody,
    response: InvitationView,
    status: 201,
    errors: [409],
  },
  updateUser: {
    method: 'patch',
    path: '/admin/users/:userId',
    summary: 'Naam, rollen, organisatie of blokkade wijzigen (niet van uzelf; nieuwe dossierrollen wachten op bevestiging)',
    params: UserParams,
    body: UpdateUserBody,
    response: UserChangeView,
  },
  resetMfa: {
    method: 'post',
    path: '/admin/users/:userId/mfa-reset',
    summary: 'Tweestapsverificatie van een gebruiker resetten',
    params: UserParams,
    response: null,
  },
  listInvitations: {
    method: 'get',
    path: '/admin/invitations',
    summary: 'Openstaande uitnodigingen met hun vervaldatum',
    response: PendingInvitationList,
  },
  resendInvitation: {
    method: 'post',
    path: '/admin/invitations/:userId/resend',
    summary: 'Uitnodiging opnieuw versturen (nieuwe link; de oude vervalt)',
    params: UserParams,
    response: null,
    errors: [409],
  },
  revokeInvitation: {
    method: 'delete',
    path: '/admin/invitations/:userId',
    summary: 'Uitnodiging intrekken (het nog niet gebruikte account vervalt)',
    params: UserParams,
    response: null,
    errors: [409],
  },
  listRoleGrants: {
    method: 'get',
    path: '/admin/role-grants',
    summary: 'Voorgestelde rollen en koppelingen aan cliënten (vier-ogenprincipe)',
    query: RoleGrantListQuery,
    response: RoleGrantList,
  },
  approveRoleGrant: {
    method: 'post',
    path: '/admin/role-grants/:grantId/approve',
    summary: 'Een voorstel bevestigen (door een tweede persoon)',
    params: RoleGrantParams,
    response: RoleGrantView,
    errors: [409],
  },
  rejectRoleGrant: {
    method: 'post',
    path: '/admin/role-grants/:grantId/reject',
    summary: 'Een voorstel afwijzen',
    params: RoleGrantParams,
    response: RoleGrantView,
    errors: [409],
  },
});

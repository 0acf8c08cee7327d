import { accounts as contract } from '@spoorboek/shared/contracts/accounts';
import type { RoleGrantView, UserView } from '@spoorboek/shared/schemas/auth';
import { implement } from '../../http/route';
import { present, type RequestActor } from '../../policy/enforce';
import * as accounts from './service';
import * as grants from './grants';

/*
 * Three answers join two presented subjects (an account with the proposals it waits for, or an invitation's
 * account with its expiry), which `present`/`presentEach` cannot name; they present each part here, through the
 * same policy, and the answer check of the test suite holds them to the contract.
 */
const presentUser = (actor: RequestActor, user: unknown) => present(actor, 'User', user) as UserView;
const presentGrants = (actor: RequestActor, items: readonly unknown[]) =>
  items.map((grant) => present(actor, 'RoleGrant', grant) as RoleGrantView);

export const accountRoutes = implement(contract, {
  listUsers: { presentEach: 'User', handler: ({ actor }) => accounts.listUsers(actor) },
  inviteUser: async ({ actor, body }) => {
    const { user, pendingGrants } = await accounts.inviteUser(actor, body);
    return { user: presentUser(actor, user), pendingGrants: presentGrants(actor, pendingGrants) };
  },
  updateUser: async ({ actor, params, body }) => {
    const { user, pendingGrants } = await accounts.updateUser(actor, params.userId, body);
    return { ...presentUser(actor, user), pendingGrants: presentGrants(actor, pendingGrants) };
  },
  resetMfa: ({ actor, params }) => accounts.resetMfa(actor, params.userId),
  listInvitations: async ({ actor }) => ({
    items: (await accounts.listInvitations(actor))
      .map(({ user, expiresAt, expired }) => ({ user: presentUser(actor, user), expiresAt: expiresAt.toISOString(), expired })),
  }),
  resendInvitation: ({ actor, params }) => accounts.resendInvitation(actor, params.userId),
  revokeInvitation: ({ actor, params }) => accounts.revokeInvitation(actor, params.userId),
  listRoleGrants: {
    presentEach: 'RoleGrant',
    handler: async ({ actor, query }) => {
      const { grants: items, people } = await grants.listGrants(actor, query.status);
      return { items, people };
    },
  },
  approveRoleGrant: { present: 'RoleGrant', handler: ({ actor, params }) => grants.decide(actor, params.grantId, 'confirmed') },
  rejectRoleGrant: { present: 'RoleGrant', handler: ({ actor, params }) => grants.decide(actor, params.grantId, 'rejected') },
});

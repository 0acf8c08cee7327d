/**
 * Account management by the functional administrator (functioneel beheerder), through the policy: invitations
 * by e-mail, roles, organisation, disabling, resetting two-factor. Functional administration is no way into
 * content (NEN 7510, separation of duties): nobody changes their own roles, organisation or client link (the
 * policy forbids it), and a grant that opens dossier content waits for a second person (grants.ts). Anything that
 * changes what a user may do ends their sessions (authVersion), so it counts from their next request.
 */
import mongoose, { Types } from 'mongoose';
import type { Role } from '@spoorboek/shared/domain';
import type { InviteUserBody, UpdateUserBody } from '@spoorboek/shared/schemas/auth';
import { User } from '../../db/models/user';
import { Client } from '../../db/models/client';
import { badRequest, conflict } from '../../http/problem';
import { auditAccess, authorize, findScoped, listScoped, requireSomeRight, type RequestActor } from '../../policy/enforce';
import { sendInvitation } from '../../auth/recovery';
import { AccountToken, dropTokens } from '../../auth/tokens';
import { dropPendingGrants, needsSecondPerson, pendingGrantsOf, proposeGrants, ROLE_LABELS } from './grants';
import { changed } from '../privacy/reasons';

async function auditAccount(actor: RequestActor, action: 'create' | 'role_change' | 'update' | 'delete', userId: string, reason: string) {
  await auditAccess(actor, action, 'User', { id: userId, outcome: 'allowed', reason });
}

const labels = (roles: readonly string[]) => roles.map((role) => ROLE_LABELS[role as Role] ?? role).join(', ') || 'geen';

/** Only an administrator manages accounts; anyone else gets 403, not a slice of the list. */
async function requireAdministration(actor: RequestActor) {
  await requireSomeRight(actor, 'create', 'User');
}

export async function listUsers(actor: RequestActor) {
  await requireAdministration(actor);
  return listScoped(actor, 'read', User, {}, { sort: { name: 1 } });
}

async function assertClientExists(clientId: string | null | undefined) {
  if (clientId && !(await Client.exists({ _id: clientId }))) {
    throw badRequest('Deze cliënt bestaat niet.', [{ field: 'body.clientId', message: 'Kies een bestaande cliënt.' }]);
  }
}

/**
 * Creates the account with the roles that need no second person, proposes the others (and a client link), and
 * mails the invitee a one-time link. The administrator never sees that link.
 */
export async function inviteUser(actor: RequestActor, body: InviteUserBody) {
  const direct = body.roles.filter((role) => !needsSecondPerson(role));
  const candidate = { _id: new Types.ObjectId(), ...body, roles: direct, clientId: null, disabled: false };
  for (const field of Object.keys(body)) await authorize(actor, 'create', 'User', candidate, field);
  if (await User.exists({ email: body.email })) throw conflict('Er bestaat al een account met dit e-mailadres.');
  await assertClientExists(body.clientId);
  const user = await User.create(candidate);
  await auditAccount(actor, 'create', String(user._id), `uitgenodigd; rollen nu: ${labels(direct)}`);
  const pendingGrants = await proposeGrants(actor, user._id, { roles: body.roles, clientId: body.clientId });
  await sendInvitation(user);
  return { user, pendingGrants };
}

export async function updateUser(actor: RequestActor, userId: string, body: UpdateUserBody) {
  const user = await findScoped(actor, 'update', User, { _id: userId });
  for (const field of Object.keys(body)) await authorize(actor, 'update', 'User', user, field);
  const current = user.roles as Role[];
  const patch: Record<string, unknown> = { ...body };
  let proposedRoles: Role[] = [];
  if (body.roles) {
    // Taking a role away needs no second person; adding one that opens content does.
    proposedRoles = body.roles.filter((role) => !current.includes(role) && needsSecondPerson(role));
    patch.roles = body.roles.filter((role) => !proposedRoles.includes(role));
  }
  let proposedClientId: string | null = null;
  if (body.clientId && body.clientId !== String(user.clientId ?? '')) {
    await assertClientExists(body.clientId);
    proposedClientId = body.clientId;
    delete patch.clientId;
  } else if (body.clientId !== undefined && body.clientId !== null) {
    delete patch.clientId; // unchanged
  }
  const nextRoles = (patch.roles as Role[] | undefined) ?? current;
  const rolesChanged = [...nextRoles].sort().join() !== [...current].sort().join();
  const endsSessions = rolesChanged || body.disabled === true || body.organisationId !== undefined || patch.clientId !== undefined;
  await User.updateOne({ _id: user._id }, { ...patch, ...(endsSessions ? { authVersion: user.authVersion + 1 } : {}) });
  if (rolesChanged) await auditAccount(actor, 'role_change', userId, `rollen ${labels(current)} → ${labels(nextRoles)}`);
  else if (Object.keys(patch).length > 0) await auditAccount(actor, 'update', userId, changed(Object.keys(patch)));
  await proposeGrants(actor, user._id, { roles: proposedRoles, clientId: proposedClientId });
  return { user: (await User.findById(user._id))!, pendingGrants: await pendingGrantsOf(user._id) };
}

/** For a lost phone: the user enrols again at next login. */
export async function resetMfa(actor: RequestActor, userId: string) {
  const user = await findScoped(actor, 'update', User, { _id: userId });
  await authorize(actor, 'update', 'User', user, 'disabled');
  await User.updateOne({ _id: user._id }, {
    mfaEnabled: false, totpSecret: null, recoveryCodes: [], lastTotpStep: null, authVersion: user.authVersion + 1,
  });
  await auditAccount(actor, 'update', userId, 'tweestapsverificatie hersteld');
}

/** Invitations not yet accepted, with their expiry (an expired one can be sent again). */
export async function listInvitations(actor: RequestActor) {
  await requireAdministration(actor);
  const tokens = await AccountToken.find({ purpose: 'invitation' }).lean();
  const users = await listScoped(actor, 'read', User, { _id: mongoose.trusted({ $in: tokens.map((token) => token.userId) }) }, { sort: { name: 1 } });
  const expiry = new Map(tokens.map((token) => [String(token.userId), token.expiresAt]));
  return users.map((user) => {
    const expiresAt = expiry.get(String(user._id))!;
    return { user, expiresAt, expired: expiresAt.getTime() <= Date.now() };
  });
}

async function invitedUser(actor: RequestActor, userId: string) {
  await requireAdministration(actor);
  const user = await findScoped(actor, 'update', User, { _id: userId });
  if (user.passwordHash) throw conflict('Deze gebruiker heeft de uitnodiging al aangenomen.');
  return user;
}

/** A new link in a new mail; the old link stops working. */
export async function resendInvitation(actor: RequestActor, userId: string) {
  const user = await invitedUser(actor, userId);
  await sendInvitation(user);
  await auditAccount(actor, 'update', userId, 'uitnodiging opnieuw verstuurd; de vorige link werkt niet meer');
}

/** Withdraws an invitation that was never accepted: the account and its proposals go, the link stops working. */
export async function revokeInvitation(actor: RequestActor, userId: string) {
  const user = await invitedUser(actor, userId);
  await dropTokens(user._id);
  await dropPendingGrants(user._id);
  await User.deleteOne({ _id: user._id });
  await auditAccount(actor, 'delete', userId, 'uitnodiging ingetrokken');
}

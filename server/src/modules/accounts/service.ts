/**
 * Account management by the functional administrator (functioneel beheerder), through the policy: invitations,
 * roles, organisation, disabling, and resetting two-factor. Anything that changes what a user may do ends their
 * sessions (authVersion), so it counts from their next request.
 */
import { Types } from 'mongoose';
import type { InviteUserBody, UpdateUserBody } from '../../../../shared/src/schemas/auth';
import { User } from '../../db/models/user';
import { conflict } from '../../http/problem';
import { auditAccess, authorize, findScoped, listScoped, type RequestActor } from '../../policy/enforce';
import { newInvitationToken } from '../../auth/service';

const INVITATION_VALID_MS = 72 * 60 * 60 * 1000;

async function auditAccount(actor: RequestActor, action: 'create' | 'role_change' | 'update', userId: string, reason: string) {
  await auditAccess(actor, action, 'User', { id: userId, outcome: 'allowed', reason });
}

export async function listUsers(actor: RequestActor) {
  return listScoped(actor, 'read', User, {}, { sort: { name: 1 } });
}

/** Creates the account and a one-time token to set the first password (to be sent to the person). */
export async function inviteUser(actor: RequestActor, body: InviteUserBody) {
  const candidate = { _id: new Types.ObjectId(), ...body, disabled: false };
  for (const field of Object.keys(body)) await authorize(actor, 'create', 'User', candidate, field);
  if (await User.exists({ email: body.email })) throw conflict('Er bestaat al een account met dit e-mailadres.');
  const invitation = newInvitationToken();
  const user = await User.create({
    ...candidate,
    invitationTokenHash: invitation.hash,
    invitationExpiresAt: new Date(Date.now() + INVITATION_VALID_MS),
  });
  await auditAccount(actor, 'create', String(user._id), `invited with roles ${body.roles.join(', ')}`);
  return { user, invitationToken: invitation.token };
}

export async function updateUser(actor: RequestActor, userId: string, body: UpdateUserBody) {
  const user = await findScoped(actor, 'update', User, { _id: userId });
  for (const field of Object.keys(body)) await authorize(actor, 'update', 'User', user, field);
  const rolesChanged = body.roles !== undefined && [...body.roles].sort().join() !== [...user.roles].sort().join();
  const endsSessions = rolesChanged || body.disabled === true || body.organisationId !== undefined || body.clientId !== undefined;
  await User.updateOne({ _id: user._id }, { ...body, ...(endsSessions ? { authVersion: user.authVersion + 1 } : {}) });
  if (rolesChanged) await auditAccount(actor, 'role_change', userId, `roles ${user.roles.join(', ')} → ${body.roles?.join(', ')}`);
  else await auditAccount(actor, 'update', userId, `changed ${Object.keys(body).join(', ')}`);
  return User.findById(user._id);
}

/** For a lost phone: the user enrols again at next login. */
export async function resetMfa(actor: RequestActor, userId: string) {
  const user = await findScoped(actor, 'update', User, { _id: userId });
  await authorize(actor, 'update', 'User', user, 'disabled');
  await User.updateOne({ _id: user._id }, {
    mfaEnabled: false, totpSecret: null, recoveryCodes: [], lastTotpStep: null, authVersion: user.authVersion + 1,
  });
  await auditAccount(actor, 'update', userId, 'two-factor reset');
}

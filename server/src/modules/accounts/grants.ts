/**
 * Four eyes on every grant that opens dossier content (NEN 7510, separation of duties): an administrator
 * proposes a role or a client link, someone else confirms it — the privacy officer, or for the privacy officer
 * role a second administrator — and only then does the user hold it. Both steps are audit events.
 */
import mongoose, { Types } from 'mongoose';
import { FOUR_EYES_ROLES, type Role, type RoleGrantStatus } from '@spoorboek/shared/domain';
import { Client } from '../../db/models/client';
import { openClients } from '../../db/models/clientPersonalia';
import { User } from '../../db/models/user';
import { badRequest, conflict, notFound } from '../../http/problem';
import { auditAccess, authorize, listScoped, type RequestActor } from '../../policy/enforce';
import { RoleGrant, RoleGrantDecision } from './model';

export const ROLE_LABELS: Record<Role, string> = {
  coach: 'coach', company_doctor: 'bedrijfsarts', labour_expert: 'arbeidsdeskundige', employer: 'werkgever',
  client: 'cliënt', privacy_officer: 'privacy officer', admin: 'functioneel beheerder',
};

export function needsSecondPerson(role: Role): boolean {
  return FOUR_EYES_ROLES.includes(role);
}

/** Proposals for the roles and client link that need a second person; existing pending ones are reused. */
export async function proposeGrants(actor: RequestActor, userId: Types.ObjectId, { roles, clientId }: { roles: Role[]; clientId: string | null }) {
  const wanted = [
    ...roles.filter(needsSecondPerson).map((role) => ({ kind: 'role' as const, role, clientId: null })),
    ...(clientId ? [{ kind: 'client_link' as const, role: null, clientId: new Types.ObjectId(clientId) }] : []),
  ];
  if (clientId && !(await Client.exists({ _id: clientId }))) {
    throw badRequest('Deze cliënt bestaat niet.', [{ field: 'body.clientId', message: 'Kies een bestaande cliënt.' }]);
  }
  const grants = [];
  for (const grant of wanted) {
    const candidate = { _id: new Types.ObjectId(), userId, ...grant, status: 'pending', proposedBy: new Types.ObjectId(actor.userId) };
    await authorize(actor, 'create', 'RoleGrant', candidate);
    const existing = await RoleGrant.findOne({ userId, kind: grant.kind, role: grant.role, clientId: grant.clientId, status: 'pending' });
    if (existing) {
      grants.push(existing);
      continue;
    }
    const created = await RoleGrant.create(candidate);
    await auditAccess(actor, 'grant', 'RoleGrant', {
      id: String(created._id), outcome: 'allowed',
      reason: grant.role ? `rol ${ROLE_LABELS[grant.role]} voorgesteld, wacht op bevestiging` : 'koppeling aan een cliënt voorgesteld, wacht op bevestiging',
    });
    grants.push(created);
  }
  return grants;
}

export async function pendingGrantsOf(userId: Types.ObjectId | string) {
  return RoleGrant.find({ userId, status: 'pending' }).sort({ proposedAt: 1 });
}

export async function listGrants(actor: RequestActor, status?: RoleGrantStatus) {
  const grants = await listScoped(actor, 'read', RoleGrant, status ? { status } : {}, { sort: { proposedAt: -1 }, limit: 200 });
  return { grants, people: await namesFor(grants) };
}

/**
 * The names a confirmer needs to judge a proposal: the user, the proposer, and for a client link the client's
 * name — identity only, never dossier content.
 */
async function namesFor(grants: { userId: unknown; proposedBy: unknown; decidedBy?: unknown; clientId?: unknown }[]) {
  const userIds = [...new Set(grants.flatMap((grant) => [grant.userId, grant.proposedBy, grant.decidedBy]).filter(Boolean).map(String))];
  const clientIds = [...new Set(grants.map((grant) => grant.clientId).filter(Boolean).map(String))];
  const people: Record<string, { name: string; email?: string }> = {};
  for (const user of await User.find({ _id: mongoose.trusted({ $in: userIds }) }, { name: 1, email: 1 }).lean()) {
    people[String(user._id)] = { name: user.name, email: user.email };
  }
  // Client names are sealed at rest: opened with each client's key.
  for (const client of await openClients(await Client.find({ _id: mongoose.trusted({ $in: clientIds }) }, { firstName: 1, lastName: 1 }).lean())) {
    people[String(client._id)] = { name: `${client.firstName} ${client.lastName}` };
  }
  return people;
}

/** Confirms or rejects a proposal, once; a confirmed grant counts from the user's next request. */
export async function decide(actor: RequestActor, grantId: string, decision: Exclude<RoleGrantStatus, 'pending'>) {
  const grant = await RoleGrant.findById(grantId);
  if (!grant) throw notFound('Dit voorstel bestaat niet.');
  await authorize(actor, 'approve', 'RoleGrant', grant);
  if (grant.status !== 'pending') throw conflict('Over dit voorstel is al beslist.');
  try {
    await RoleGrantDecision.create({ _id: grant._id });
  } catch (error) {
    if ((error as { code?: number }).code === 11000) throw conflict('Over dit voorstel is al beslist.');
    throw error;
  }
  const decidedAt = new Date();
  if (decision === 'confirmed') {
    const change = grant.kind === 'role' ? { $addToSet: { roles: grant.role } } : { $set: { clientId: grant.clientId } };
    // A new right ends the user's sessions, so it counts from a fresh sign-in (and a fresh two-factor check).
    await User.updateOne({ _id: grant.userId }, { ...change, $inc: { authVersion: 1 } });
  }
  await RoleGrant.updateOne({ _id: grant._id }, { status: decision, decidedBy: actor.userId, decidedAt });
  const what = grant.role ? `rol ${ROLE_LABELS[grant.role as Role]}` : 'koppeling aan een cliënt';
  if (decision === 'confirmed') {
    await auditAccess(actor, 'role_change', 'User', { id: String(grant.userId), outcome: 'allowed', reason: `${what} bevestigd (vier ogen)` });
  }
  await auditAccess(actor, 'approve', 'RoleGrant', {
    id: String(grant._id), outcome: 'allowed', reason: decision === 'confirmed' ? `${what} bevestigd` : `${what} afgewezen`,
  });
  return RoleGrant.findById(grant._id);
}

/** Proposals for an account that never came to life (a revoked invitation) go with it. */
export async function dropPendingGrants(userId: Types.ObjectId | string) {
  await RoleGrant.deleteMany({ userId, status: 'pending' });
}

/**
 * The facts the policy needs about an actor, loaded fresh for every request (one indexed query per kind of
 * fact), so a changed assignment, a withdrawn consent or an ended handover counts from the next request on.
 */
import mongoose, { Types } from 'mongoose';
import { emptyFacts, type Actor, type ActorFacts } from '../../../shared/src/policy/actor';
import type { Role } from '../../../shared/src/domain';
import { Client } from '../db/models/client';
import { currentHandoversTo, standingConsents } from '../modules/consents/service';

export interface ActorUser {
  _id: Types.ObjectId | string;
  name: string;
  roles: Role[];
  organisationId?: Types.ObjectId | string | null;
  clientId?: Types.ObjectId | string | null;
}

const ASSIGNMENT_FIELD = { coach: 'coachId', company_doctor: 'companyDoctorId', labour_expert: 'labourExpertId' } as const;

export async function loadFacts(user: ActorUser, now = new Date()): Promise<ActorFacts> {
  const facts = emptyFacts();
  const userId = new Types.ObjectId(String(user._id));
  const assignedRoles = (Object.keys(ASSIGNMENT_FIELD) as (keyof typeof ASSIGNMENT_FIELD)[])
    .filter((role) => user.roles.includes(role));

  if (assignedRoles.length > 0) {
    const fields = assignedRoles.map((role) => ASSIGNMENT_FIELD[role]);
    const assigned = await Client.find(
      { $or: fields.map((field) => ({ [field]: userId })) },
      Object.fromEntries(fields.map((field) => [field, 1])),
    ).lean();
    for (const role of assignedRoles) {
      facts.caseload[role] = assigned
        .filter((client) => String(client[ASSIGNMENT_FIELD[role]]) === String(userId))
        .map((client) => String(client._id));
    }
  }

  if (user.roles.includes('employer') && user.organisationId) {
    const employees = await Client.find({ employerId: user.organisationId }, { _id: 1 }).lean();
    facts.employeeClientIds = employees.map((client) => String(client._id));
  }

  const handovers = user.roles.includes('coach') ? await currentHandoversTo(userId, now) : [];
  const concerned = [...new Set([...facts.caseload.coach, ...facts.employeeClientIds, ...handovers.map((h) => h.clientId)])];
  const consents = await standingConsents(concerned);
  facts.consents = consents.map(({ clientId, purpose, reportId }) => ({ clientId, purpose, ...(reportId ? { reportId } : {}) }));
  // A handover counts only while the client's consent to it stands (Privacyreglement Re-integratieonderwijs.nl).
  facts.restrictedClientIds = await restrictedAmong(user, [
    ...concerned, ...facts.caseload.company_doctor, ...facts.caseload.labour_expert, ...(user.clientId ? [String(user.clientId)] : []),
  ]);
  const consentTo = (handover: { handoverId: string }) =>
    consents.find((consent) => consent.purpose === 'handover' && consent.handoverId === handover.handoverId);
  facts.handoverClientIds = handovers.filter(consentTo).map((handover) => handover.clientId);
  facts.handoverCapacityClientIds = handovers
    .filter((handover) => consentTo(handover)?.includesCapacities === true)
    .map((handover) => handover.clientId);
  return facts;
}

/**
 * Which of the clients the actor works with are under a restriction of processing (AVG art. 18). The
 * administrator may assign any client, so for them every restricted client counts.
 */
async function restrictedAmong(user: ActorUser, clientIds: string[]): Promise<string[]> {
  const everyone = user.roles.includes('admin');
  if (!everyone && clientIds.length === 0) return [];
  const restricted = await Client.find({
    restriction: mongoose.trusted({ $ne: null }),
    ...(everyone ? {} : { _id: mongoose.trusted({ $in: [...new Set(clientIds)] }) }),
  }, { _id: 1 }).lean();
  return restricted.map((client) => String(client._id));
}

export async function loadActor(user: ActorUser, now = new Date()): Promise<Actor> {
  return {
    userId: String(user._id),
    name: user.name,
    roles: [...user.roles],
    organisationId: user.organisationId ? String(user.organisationId) : null,
    clientId: user.clientId ? String(user.clientId) : null,
    facts: await loadFacts(user, now),
  };
}

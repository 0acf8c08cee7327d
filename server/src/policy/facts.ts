/**
 * The facts the policy needs about an actor (one indexed query per kind of fact), so a changed assignment, a
 * withdrawn consent or an ended handover counts from the next request on. Between changes they are cached per
 * user under the bureau's facts stamp (`factsVersion.ts`): a request then reads one document instead of five
 * collections, and any change to a fact source moves the stamp on before anyone can be served the old facts.
 */
import mongoose, { Types } from 'mongoose';
import { emptyFacts, type ActiveConsent, type Actor, type ActorFacts } from '@spoorboek/shared/policy/actor';
import type { Role } from '@spoorboek/shared/domain';
import { Client } from '../db/models/client';
import { Consent, Handover } from '../db/models/consent';
import { readFactsStamp } from './factsVersion';

export interface ActorUser {
  _id: Types.ObjectId | string;
  name: string;
  roles: Role[];
  organisationId?: Types.ObjectId | string | null;
  clientId?: Types.ObjectId | string | null;
}

const ASSIGNMENT_FIELD = { coach: 'coachId', company_doctor: 'companyDoctorId', labour_expert: 'labourExpertId' } as const;

export async function loadFacts(user: ActorUser, now = new Date()): Promise<ActorFacts> {
  return (await factsUntil(user, now)).facts;
}

/** Consents that stand (granted, not withdrawn) for these clients. */
async function standingConsents(clientIds: (string | Types.ObjectId)[]): Promise<(ActiveConsent & { handoverId?: string; includesCapacities?: boolean })[]> {
  if (clientIds.length === 0) return [];
  const consents = await Consent.find(
    { clientId: mongoose.trusted({ $in: clientIds }), withdrawnAt: null },
    { clientId: 1, purpose: 1, reportId: 1, handoverId: 1, includesCapacities: 1 },
  ).lean();
  return consents.map((consent) => ({
    clientId: String(consent.clientId),
    purpose: consent.purpose,
    ...(consent.reportId ? { reportId: String(consent.reportId) } : {}),
    ...(consent.handoverId ? { handoverId: String(consent.handoverId), includesCapacities: consent.includesCapacities === true } : {}),
  }));
}

/**
 * Handovers to this coach that have not ended: those in their period now, and the moment the set changes next
 * (one starts or ends), after which cached facts no longer hold.
 */
async function handoversTo(userId: Types.ObjectId, now: Date) {
  const all = await Handover.find({ toCoachId: userId, validUntil: mongoose.trusted({ $gt: now }) }, { clientId: 1, validFrom: 1, validUntil: 1 }).lean();
  const current = all.filter((handover) => handover.validFrom <= now);
  const boundaries = all.map((handover) => (handover.validFrom > now ? handover.validFrom : handover.validUntil).getTime());
  return {
    current: current.map((handover) => ({ handoverId: String(handover._id), clientId: String(handover.clientId) })),
    changesAt: Math.min(Infinity, ...boundaries),
  };
}

async function factsUntil(user: ActorUser, now: Date): Promise<{ facts: ActorFacts; until: number }> {
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

  const { current: handovers, changesAt } = user.roles.includes('coach') ? await handoversTo(userId, now) : { current: [], changesAt: Infinity };
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
  return { facts, until: changesAt };
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

const FACTS_CACHE_LIMIT = 5_000;

function needsQueries(user: ActorUser): boolean {
  return Boolean(user.clientId) || user.roles.some((role) => ['coach', 'company_doctor', 'labour_expert', 'employer', 'admin'].includes(role));
}
const factsCache = new Map<string, { stamp: number; who: string; until: number; facts: ActorFacts }>();

/** Forgets every cached fact (tests that empty the database, the stamp included). */
export function forgetCachedFacts(): void {
  factsCache.clear();
}

/**
 * The actor of a request, now: facts from the cache when the facts stamp has not moved since they were loaded
 * and the user's roles and links are the same, loaded fresh (and cached) otherwise.
 */
export async function currentActor(user: ActorUser): Promise<Actor> {
  // A privacy officer, say, has no facts to load: reading the stamp would be the only query.
  const stamp = needsQueries(user) ? await readFactsStamp() : { n: 0, unsettled: true };
  const now = new Date();
  const userId = String(user._id);
  const who = JSON.stringify([[...user.roles].sort(), String(user.organisationId ?? ''), String(user.clientId ?? '')]);
  const hit = factsCache.get(userId);
  let facts: ActorFacts;
  if (!stamp.unsettled && hit && hit.stamp === stamp.n && hit.who === who && now.getTime() < hit.until) {
    facts = structuredClone(hit.facts);
  } else {
    const loaded = await factsUntil(user, now);
    facts = loaded.facts;
    factsCache.delete(userId);
    if (!stamp.unsettled) {
      factsCache.set(userId, { stamp: stamp.n, who, until: loaded.until, facts: structuredClone(facts) });
      if (factsCache.size > FACTS_CACHE_LIMIT) factsCache.delete(factsCache.keys().next().value as string);
    }
  }
  return {
    userId, name: user.name, roles: [...user.roles],
    organisationId: user.organisationId ? String(user.organisationId) : null,
    clientId: user.clientId ? String(user.clientId) : null,
    facts,
  };
}

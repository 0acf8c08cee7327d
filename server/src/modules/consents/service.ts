import mongoose, { Types } from 'mongoose';
import { dayOf, endOfDay, formatDay, startOfDay } from '@spoorboek/shared/calendarDay';
import { CONSENT_TEXTS } from '@spoorboek/shared/consentTexts';
import type { ConsentPurpose } from '@spoorboek/shared/domain';
import type { CreateHandoverBody, GrantConsentBody } from '@spoorboek/shared/schemas/consents';
import { Client } from '../../db/models/client';
import { User } from '../../db/models/user';
import { guardedUpdate, isDuplicateKey } from '../../db/guardedUpdate';
import { badRequest, conflict, HttpProblem, notFound } from '../../http/problem';
import { auditAccess, authorize, enterClient, listScoped, type RequestActor } from '../../policy/enforce';
import { runStep } from '../../policy/workflowStep';
import { closedSlotOf, Consent, Handover, openSlotOf, sealedConsent, withdrawnSlotOf, type HandoverData } from '../../db/models/consent';
import { notify } from '../notifications/service';
import { inWords } from '../privacy/reasons';

type Id = string | Types.ObjectId;
// Operators written in this module are ours, not user input: marked trusted for sanitizeFilter.

/** Every consent to sharing these reports, standing or withdrawn, oldest first (a report's sharing history). */
export async function reportShareHistory(reports: { _id: Id; clientId: Id }[]) {
  if (reports.length === 0) return [];
  const clientIds = [...new Set(reports.map((report) => String(report.clientId)))];
  return Consent.find(
    { clientId: mongoose.trusted({ $in: clientIds }), purpose: 'report.share', reportId: mongoose.trusted({ $in: reports.map((report) => report._id) }) },
    { reportId: 1, grantedAt: 1, withdrawnAt: 1 },
  ).sort({ grantedAt: 1 }).lean();
}

/* The client's decisions (toestemmingen): granted with the exact text shown, withdrawn without deleting. */

export async function list(actor: RequestActor, clientId: string) {
  await enterClient(actor, clientId, 'read', 'Consent');
  const consents = await listScoped(actor, 'read', Consent, { clientId }, { sort: { grantedAt: -1 } });
  return sealedConsent.openAll(consents);
}

/** The client grants a consent from their portal: FML capacities for the coach, or a substitute coach. */
export async function grant(actor: RequestActor, clientId: string, body: GrantConsentBody) {
  await enterClient(actor, clientId, 'grant', 'Consent');
  if (body.purpose === 'fml.capacities.coach') {
    return record(actor, { clientId, purpose: body.purpose, text: CONSENT_TEXTS.fmlCapacitiesCoach });
  }
  const handover = await Handover.findOne({ _id: body.handoverId, clientId }).lean();
  if (!handover) throw notFound('Deze vervanging bestaat niet.');
  if (handover.validUntil <= new Date()) throw conflict('Deze vervanging is al afgelopen.');
  const coach = await User.findById(handover.toCoachId, { name: 1 }).lean();
  const { firstDay, lastDay } = handoverDays(handover);
  const consent = await record(actor, {
    clientId, purpose: 'handover', handoverId: String(handover._id), includesCapacities: body.capacities,
    text: CONSENT_TEXTS.handover(coach?.name ?? 'De vervangend coach', formatDay(firstDay), formatDay(lastDay), body.capacities),
  });
  await closeRequest(handover);
  return consent;
}

/** The days a handover covers, in Amsterdam; older records kept only the instants. */
function handoverDays(handover: Pick<HandoverData, 'validFrom' | 'validUntil' | 'firstDay' | 'lastDay'>) {
  return {
    firstDay: handover.firstDay ?? dayOf(handover.validFrom),
    lastDay: handover.lastDay ?? dayOf(new Date(handover.validUntil.getTime() - 1)),
  };
}

/**
 * Records a consent after the caller's checks. One standing consent per purpose and object: the unique standing
 * slot lets exactly one of any number of parallel requests in; the others get a 409, not a second record. Used
 * by reports (sharing one report) as well.
 */
export async function record(
  actor: RequestActor,
  consent: { clientId: string; purpose: ConsentPurpose; text: string; reportId?: string; handoverId?: string; includesCapacities?: boolean },
  alreadyGiven = 'U heeft hiervoor al toestemming gegeven.',
) {
  const candidate = {
    _id: new Types.ObjectId(), reportId: null, handoverId: null, includesCapacities: false, ...consent,
    grantedBy: actor.userId, grantedAt: new Date(), withdrawnAt: null,
  };
  await authorize(actor, 'grant', 'Consent', candidate);
  let created;
  try {
    created = await Consent.create(await sealedConsent.seal(candidate));
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict(alreadyGiven);
    throw error;
  }
  await auditAccess(actor, 'grant', 'Consent', { id: String(created._id), clientId: consent.clientId, outcome: 'allowed', reason: inWords(consent.purpose) });
  return sealedConsent.open(created);
}

/** Withdrawal stops access from now on; what was shared before stays on record (not retroactive). */
export async function withdraw(actor: RequestActor, { clientId, consentId }: { clientId: string; consentId: string }) {
  const consent = await runStep(actor, {
    model: Consent, where: { clientId, _id: consentId }, action: 'withdraw',
    from: ({ withdrawnAt }) => !withdrawnAt,
    conflictMessage: 'Deze toestemming is al ingetrokken.',
    // Freeing the standing slot lets the client consent again later, with a new record and the text of that day.
    update: ({ _id }) => ({ $set: { withdrawnAt: new Date(), standingSlot: withdrawnSlotOf(_id) } }),
    reason: ({ purpose }) => inWords(purpose),
  });
  await notify('consent_withdrawn', clientId);
  return sealedConsent.open(consent);
}

/* Handovers (vervanging): a coach arranges a substitute; it counts once the client consents. */

export async function listHandovers(actor: RequestActor, clientId: string, now = new Date()) {
  await enterClient(actor, clientId, 'read', 'Handover');
  const handovers = await listScoped(actor, 'read', Handover, { clientId }, { sort: { validFrom: -1 } });
  const consents = await Consent.find({ clientId, purpose: 'handover' }, { handoverId: 1, withdrawnAt: 1 }).lean();
  return handovers.map((handover) => {
    const given = consents.filter((consent) => String(consent.handoverId) === String(handover._id));
    return { ...handover.toObject(), ...handoverDays(handover), state: handoverState(handover, given, now) };
  });
}

/** How a handover stands today, as the client and the coach read it ("Verlopen" once its last day is over). */
function handoverState(handover: Pick<HandoverData, 'validFrom' | 'validUntil'>, consents: { withdrawnAt?: Date | null }[], now: Date) {
  if (handover.validUntil <= now) return 'expired';
  if (consents.some((consent) => !consent.withdrawnAt)) return handover.validFrom <= now ? 'current' : 'planned';
  return consents.length > 0 ? 'withdrawn' : 'awaiting_consent';
}

/**
 * A coach arranges a substitute for whole Amsterdam days (the schema checks: from today, at most three months).
 * One open request per client: a second one while the first still waits for the client's answer is a 409.
 */
export async function createHandover(actor: RequestActor, clientId: string, body: CreateHandoverBody) {
  await enterClient(actor, clientId, 'create', 'Handover');
  const client = await Client.findById(clientId, { coachId: 1 }).lean();
  const { validFrom: firstDay, validUntil: lastDay, ...rest } = body;
  const candidate = {
    _id: new Types.ObjectId(), clientId, fromCoachId: client?.coachId ? String(client.coachId) : actor.userId, ...rest,
    firstDay, lastDay, validFrom: startOfDay(firstDay), validUntil: endOfDay(lastDay), createdBy: actor.userId,
  };
  await authorize(actor, 'create', 'Handover', candidate);
  const coach = await User.findById(body.toCoachId, { roles: 1, disabled: 1 }).lean();
  if (!coach || coach.disabled || !coach.roles.includes('coach') || body.toCoachId === candidate.fromCoachId) {
    throw badRequest('Kies een andere, actieve coach als vervanger.', [{ field: 'body.toCoachId', message: 'Kies een andere, actieve coach.' }]);
  }
  const handover = await insertOpenRequest(candidate);
  await auditAccess(actor, 'create', 'Handover', { id: String(handover._id), clientId, outcome: 'allowed' });
  await notify('handover_requested', clientId);
  return { ...handover.toObject(), state: 'awaiting_consent' };
}

async function insertOpenRequest(candidate: { _id: Types.ObjectId; clientId: string } & Record<string, unknown>) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await Handover.create({ ...candidate, openSlot: openSlotOf(candidate.clientId) });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const waiting = attempt === 0 ? await Handover.findOne({ clientId: candidate.clientId, openSlot: openSlotOf(candidate.clientId) }).lean() : null;
    // A request the client already answered, or whose period ran out, no longer blocks (its closing step may
    // have been cut short): close it and try once more.
    const settled = waiting && (waiting.validUntil <= new Date() || await Consent.exists({ clientId: candidate.clientId, handoverId: waiting._id }));
    if (!waiting || !settled) {
      throw conflict('Er staat al een verzoek om vervanging open voor deze cliënt. Wacht op het antwoord van de cliënt.');
    }
    await closeRequest(waiting);
  }
}

/** The client answered (or the request ran out): it no longer holds the client's one open slot. */
async function closeRequest(handover: { _id: Types.ObjectId; clientId: Types.ObjectId | string; version?: number | null; openSlot?: string | null }) {
  if (handover.openSlot !== openSlotOf(handover.clientId)) return;
  try {
    await guardedUpdate(Handover, handover, 'close', { $set: { openSlot: closedSlotOf(handover._id) } });
  } catch (error) {
    if (!(error instanceof HttpProblem && error.status === 409)) throw error;
  }
}

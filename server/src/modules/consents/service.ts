import mongoose, { Types } from 'mongoose';
import { CONSENT_TEXTS } from '../../../../shared/src/consentTexts';
import type { ConsentPurpose } from '../../../../shared/src/domain';
import type { ActiveConsent } from '../../../../shared/src/policy/actor';
import type { CreateHandoverBody, GrantConsentBody } from '../../../../shared/src/schemas/consents';
import { Lock } from '../../crypto/envelope';
import { Client } from '../../db/models/client';
import { User } from '../../db/models/user';
import { badRequest, conflict, notFound } from '../../http/problem';
import { auditAccess, authorize, enterClient, findScoped, listScoped, requireSomeRight, type RequestActor } from '../../policy/enforce';
import { Consent, Handover } from './model';
import { notify } from '../notifications/service';

type Id = string | Types.ObjectId;
// Operators written in this module are ours, not user input: marked trusted for sanitizeFilter.

/** Consents that stand (granted, not withdrawn) for these clients. */
export async function standingConsents(clientIds: Id[]): Promise<(ActiveConsent & { handoverId?: string })[]> {
  if (clientIds.length === 0) return [];
  const consents = await Consent.find(
    { clientId: mongoose.trusted({ $in: clientIds }), withdrawnAt: null },
    { clientId: 1, purpose: 1, reportId: 1, handoverId: 1 },
  ).lean();
  return consents.map((consent) => ({
    clientId: String(consent.clientId),
    purpose: consent.purpose,
    ...(consent.reportId ? { reportId: String(consent.reportId) } : {}),
    ...(consent.handoverId ? { handoverId: String(consent.handoverId) } : {}),
  }));
}

/** Handovers to this coach within their validity period (the client's consent is checked by the caller). */
export async function currentHandoversTo(userId: Id, now = new Date()) {
  const handovers = await Handover.find(
    { toCoachId: userId, validFrom: mongoose.trusted({ $lte: now }), validUntil: mongoose.trusted({ $gt: now }) },
    { clientId: 1 },
  ).lean();
  return handovers.map((handover) => ({ handoverId: String(handover._id), clientId: String(handover.clientId) }));
}

/* The client's decisions (toestemmingen): granted with the exact text shown, withdrawn without deleting. */

/** A consent's text can name a report's title, so it is stored sealed like the report itself. */
const textPlace = (consentId: unknown) => `Consent:${String(consentId)}`;

export function sealConsentText(lock: Lock, consentId: Types.ObjectId | string, text: string): string {
  return lock.seal(text, textPlace(consentId), 'text');
}

function reveal(lock: Lock, consent: { toObject(): unknown }) {
  const plain = consent.toObject() as { _id: Types.ObjectId; text: string };
  return { ...plain, text: lock.open(plain.text, textPlace(plain._id), 'text') };
}

export async function list(actor: RequestActor, clientId: string) {
  await enterClient(actor, clientId, 'read', 'Consent');
  const consents = await listScoped(actor, 'read', Consent, { clientId }, { sort: { grantedAt: -1 } });
  const lock = await Lock.for(clientId, 'process');
  return consents.map((consent) => reveal(lock, consent));
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
  const until = new Date(handover.validUntil.getTime() - 1).toLocaleDateString('nl-NL', { timeZone: 'Europe/Amsterdam' });
  return record(actor, {
    clientId, purpose: 'handover', handoverId: String(handover._id),
    text: CONSENT_TEXTS.handover(coach?.name ?? 'De vervangend coach', until),
  });
}

/**
 * Records a consent after the caller's checks. One standing consent per purpose and object: asking twice is a
 * conflict, not a second record. Used by reports (sharing one report) as well.
 */
export async function record(
  actor: RequestActor,
  consent: { clientId: string; purpose: ConsentPurpose; text: string; reportId?: string; handoverId?: string },
) {
  const candidate = { _id: new Types.ObjectId(), reportId: null, handoverId: null, ...consent, grantedBy: actor.userId, grantedAt: new Date(), withdrawnAt: null };
  await authorize(actor, 'grant', 'Consent', candidate);
  const standing = await Consent.exists({
    clientId: consent.clientId, purpose: consent.purpose, reportId: consent.reportId ?? null,
    handoverId: consent.handoverId ?? null, withdrawnAt: null,
  });
  if (standing) throw conflict('U heeft hiervoor al toestemming gegeven.');
  const lock = await Lock.for(consent.clientId, 'process');
  const created = await Consent.create({ ...candidate, text: sealConsentText(lock, candidate._id, consent.text) });
  await auditAccess(actor, 'grant', 'Consent', { id: String(created._id), clientId: consent.clientId, outcome: 'allowed', reason: consent.purpose });
  return reveal(lock, created);
}

/** Withdrawal stops access from now on; what was shared before stays on record (not retroactive). */
export async function withdraw(actor: RequestActor, { clientId, consentId }: { clientId: string; consentId: string }) {
  const consent = await findScoped(actor, 'read', Consent, { _id: consentId, clientId }, { recordRead: false });
  await requireSomeRight(actor, 'withdraw', 'Consent', clientId);
  if (consent.withdrawnAt) throw conflict('Deze toestemming is al ingetrokken.');
  await authorize(actor, 'withdraw', 'Consent', consent);
  const result = await Consent.updateOne({ _id: consent._id, withdrawnAt: null }, { $set: { withdrawnAt: new Date() } });
  if (result.modifiedCount === 0) throw conflict('Deze toestemming is al ingetrokken.');
  await auditAccess(actor, 'withdraw', 'Consent', { id: consentId, clientId, outcome: 'allowed', reason: consent.purpose });
  await notify('consent_withdrawn', clientId);
  return reveal(await Lock.for(clientId, 'process'), (await Consent.findById(consent._id))!);
}

/* Handovers (vervanging): a coach arranges a substitute; it counts once the client consents. */

export async function listHandovers(actor: RequestActor, clientId: string) {
  await enterClient(actor, clientId, 'read', 'Handover');
  return listScoped(actor, 'read', Handover, { clientId }, { sort: { validFrom: -1 } });
}

export async function createHandover(actor: RequestActor, clientId: string, body: CreateHandoverBody) {
  await enterClient(actor, clientId, 'create', 'Handover');
  const client = await Client.findById(clientId, { coachId: 1 }).lean();
  const candidate = {
    _id: new Types.ObjectId(), clientId, fromCoachId: client?.coachId ? String(client.coachId) : actor.userId,
    ...body, createdBy: actor.userId,
  };
  await authorize(actor, 'create', 'Handover', candidate);
  const coach = await User.findById(body.toCoachId, { roles: 1, disabled: 1 }).lean();
  if (!coach || coach.disabled || !coach.roles.includes('coach') || body.toCoachId === candidate.fromCoachId) {
    throw badRequest('Kies een andere, actieve coach als vervanger.', [{ field: 'body.toCoachId', message: 'Kies een andere, actieve coach.' }]);
  }
  const handover = await Handover.create(candidate);
  await auditAccess(actor, 'create', 'Handover', { id: String(handover._id), clientId, outcome: 'allowed' });
  await notify('handover_requested', clientId);
  return handover;
}

/** Removes a consent that was recorded a moment ago for a step that then failed (never one that was relied on). */
export async function discardUnused(consentId: Types.ObjectId | string): Promise<void> {
  await Consent.deleteOne({ _id: consentId });
}

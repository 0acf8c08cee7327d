import mongoose, { type Types } from 'mongoose';
// Operators written here are ours, not user input: marked trusted for sanitizeFilter.
import type { ActiveConsent } from '../../../../shared/src/policy/actor';
import { Consent, Handover } from './model';

type Id = string | Types.ObjectId;

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

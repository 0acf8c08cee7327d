/**
 * Legal hold (bewaarplicht): while a claim, a complaint to the Autoriteit Persoonsgegevens, a disciplinary case
 * or an inquiry needs a dossier, the privacy officer keeps it past its retention term (AVG art. 17(3)(e): erasure
 * does not apply where the data are needed for legal claims). Until the hold's date neither the retention run nor
 * an erasure touches the client; the dossier screens show it; placing and lifting are audited.
 */
import type { LegalHoldBody } from '@spoorboek/shared/schemas/retention';
import { Client } from '../../db/models/client';
import { conflict, notFound } from '../../http/problem';
import { auditAccess, authorize, requireSomeRight, type RequestActor } from '../../policy/enforce';

async function clientToHold(actor: RequestActor, clientId: string) {
  await requireSomeRight(actor, 'hold', 'Client', clientId);
  const client = await Client.findById(clientId, { legalHold: 1 }).lean();
  if (!client) throw notFound('Deze cliënt bestaat niet.');
  await authorize(actor, 'hold', 'Client', client);
  return client;
}

/** Places a hold, or changes its reason or date (a hold is extended by placing it again). */
export async function place(actor: RequestActor, clientId: string, body: LegalHoldBody, now = new Date()) {
  await clientToHold(actor, clientId);
  // Through the whole of the day given (the day arrives as its midnight, UTC).
  const until = new Date(body.until.getTime() + 24 * 60 * 60 * 1000 - 1);
  if (until.getTime() <= now.getTime()) throw conflict('De einddatum van de bewaarplicht moet in de toekomst liggen.');
  await Client.updateOne({ _id: clientId }, { legalHold: { reason: body.reason, until, since: now, by: actor.userId } });
  await auditAccess(actor, 'hold', 'Client', {
    id: clientId, clientId, outcome: 'allowed', reason: `bewaarplicht vastgelegd tot ${until.toISOString().slice(0, 10)}`,
  });
  return status(clientId);
}

export async function lift(actor: RequestActor, clientId: string) {
  const client = await clientToHold(actor, clientId);
  if (!client.legalHold) throw conflict('Voor deze cliënt geldt geen bewaarplicht.');
  await Client.updateOne({ _id: clientId }, { legalHold: null });
  await auditAccess(actor, 'hold', 'Client', { id: clientId, clientId, outcome: 'allowed', reason: 'bewaarplicht opgeheven' });
  return status(clientId);
}

async function status(clientId: string) {
  const client = await Client.findById(clientId, { legalHold: 1 }).lean();
  return { clientId, legalHold: client?.legalHold ?? null };
}

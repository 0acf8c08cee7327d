/**
 * Restriction of processing (AVG art. 18): while the privacy officer's restriction stands, the dossier is only
 * kept — the policy refuses every write to it, whoever asks (423 with the reason), and the employer no longer
 * reads its reports. Reads by those assigned go on and are audited as always, so the coach can still look while
 * a disputed accuracy is checked (art. 18(1)(a)). Every screen of the dossier shows a banner. Lifting it is
 * audited and shown to the client in the portal (art. 18(3): the client is told before it is lifted).
 */
import type { RestrictionBody } from '@spoorboek/shared/schemas/rights';
import { Client } from '../../db/models/client';
import { conflict, notFound } from '../../http/problem';
import { auditAccess, authorize, requireSomeRight, type RequestActor } from '../../policy/enforce';
import { requireActionable } from './service';

async function clientToRestrict(actor: RequestActor, clientId: string) {
  await requireSomeRight(actor, 'restrict', 'Client', clientId);
  const client = await Client.findById(clientId, { restriction: 1 }).lean();
  if (!client) throw notFound('Deze cliënt bestaat niet.');
  await authorize(actor, 'restrict', 'Client', client);
  return client;
}

export async function restrict(actor: RequestActor, clientId: string, body: RestrictionBody, now = new Date()) {
  const client = await clientToRestrict(actor, clientId);
  if (client.restriction) throw conflict('De verwerking van dit dossier is al beperkt.');
  if (body.requestId) {
    const request = await requireActionable(actor, body.requestId, ['restriction', 'rectification', 'objection']);
    if (String(request.clientId) !== clientId) throw conflict('Dit verzoek hoort bij een andere cliënt.');
  }
  await Client.updateOne({ _id: clientId }, { restriction: { since: now, by: actor.userId, requestId: body.requestId ?? null } });
  await auditAccess(actor, 'update', 'Client', {
    id: clientId, clientId, outcome: 'allowed', reason: `verwerking beperkt (AVG art. 18)${body.requestId ? ' op verzoek' : ''}`,
  });
  return status(clientId);
}

export async function lift(actor: RequestActor, clientId: string, now = new Date()) {
  const client = await clientToRestrict(actor, clientId);
  if (!client.restriction) throw conflict('De verwerking van dit dossier is niet beperkt.');
  await Client.updateOne({ _id: clientId }, { restriction: null, restrictionLifted: { at: now, by: actor.userId } });
  await auditAccess(actor, 'update', 'Client', { id: clientId, clientId, outcome: 'allowed', reason: 'beperking van de verwerking opgeheven' });
  return status(clientId);
}

async function status(clientId: string) {
  const client = await Client.findById(clientId, { restriction: 1, restrictionLifted: 1 }).lean();
  return { clientId, restriction: client?.restriction ?? null, restrictionLifted: client?.restrictionLifted ?? null };
}

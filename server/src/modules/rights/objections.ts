/**
 * Objection (AVG art. 21): the client objects to keeping their dossier after the trajectory has ended (the
 * retention rule keeps it five years "tenzij een cliënt aangeeft daar bezwaar tegen te hebben") and to its use in
 * anonymous management figures. Both are recorded on the client with their date; the erasure already leaves the
 * figures out when the client objected, and the retention run and statistics read the same fields.
 */
import type { ObjectionsBody } from '@spoorboek/shared/schemas/rights';
import { Client } from '../../db/models/client';
import { auditAccess, authorize, findScoped, type RequestActor } from '../../policy/enforce';
import { inWords } from '../privacy/reasons';

export async function record(actor: RequestActor, clientId: string, body: ObjectionsBody, now = new Date()) {
  const client = await findScoped(actor, 'read', Client, { _id: clientId }, { recordRead: false });
  await authorize(actor, 'update', 'Client', client, 'objections');
  const changes = Object.fromEntries(Object.entries(body).map(([kind, objects]) => [`objections.${kind}`, objects ? now : null]));
  await Client.updateOne({ _id: client._id }, { $set: changes });
  await auditAccess(actor, 'update', 'Client', {
    id: clientId, clientId, outcome: 'allowed',
    reason: `bezwaar (AVG art. 21): ${Object.entries(body).map(([kind, objects]) => `${inWords(kind)} ${objects ? 'gemaakt' : 'ingetrokken'}`).join(', ')}`,
  });
  const updated = await Client.findById(clientId, { objections: 1 }).lean();
  return { retentionAfterTrajectory: updated?.objections?.retentionAfterTrajectory ?? null, managementFigures: updated?.objections?.managementFigures ?? null };
}

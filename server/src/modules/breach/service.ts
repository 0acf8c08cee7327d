/**
 * The privacy officer's side of breaches (AVG art. 33/34): the signals the audit stream raised, and the breach
 * register — each incident with its assessment and whether and when the Autoriteit Persoonsgegevens (within 72
 * hours of becoming aware, art. 33(1)) and the clients (art. 34) were told. Every change is audited.
 */
import type { RecordBreachBody, UpdateBreachBody } from '@spoorboek/shared/schemas/breach';
import { notFound } from '../../http/problem';
import { auditAccess, requireSomeRight, type RequestActor } from '../../policy/enforce';
import { BreachIncident, BreachSignal } from './model';
import { scanAuditStream } from './signals';

const AP_DEADLINE_MS = 72 * 60 * 60 * 1000;

/** The newest signals, after reading the audit stream up to now (so the officer never waits for the next scan). */
export async function signals(actor: RequestActor) {
  await requireSomeRight(actor, 'read', 'Breach');
  await scanAuditStream();
  return BreachSignal.find({}, { key: 0 }).sort({ at: -1 }).limit(200).lean();
}

export async function incidents(actor: RequestActor) {
  await requireSomeRight(actor, 'read', 'Breach');
  return (await BreachIncident.find().sort({ detectedAt: -1 }).limit(200).lean()).map(view);
}

export async function record(actor: RequestActor, body: RecordBreachBody) {
  await requireSomeRight(actor, 'create', 'Breach');
  const incident = await BreachIncident.create({
    detectedAt: new Date(body.detectedAt), description: body.description, signalIds: body.signalIds ?? [], recordedBy: actor.userId,
  });
  await auditAccess(actor, 'create', 'Breach', { id: String(incident._id), outcome: 'allowed', reason: 'datalek vastgelegd in het register' });
  return view(incident.toObject());
}

export async function update(actor: RequestActor, breachId: string, body: UpdateBreachBody) {
  await requireSomeRight(actor, 'update', 'Breach');
  const changes: Record<string, unknown> = {};
  if (body.assessment) changes.assessment = body.assessment;
  if (body.apNotifiedAt !== undefined) changes.apNotifiedAt = body.apNotifiedAt ? new Date(body.apNotifiedAt) : null;
  if (body.clientsNotifiedAt !== undefined) changes.clientsNotifiedAt = body.clientsNotifiedAt ? new Date(body.clientsNotifiedAt) : null;
  const updated = await BreachIncident.findOneAndUpdate({ _id: breachId }, { $set: changes }, { new: true }).lean();
  if (!updated) throw notFound('Dit incident bestaat niet.');
  await auditAccess(actor, 'update', 'Breach', { id: breachId, outcome: 'allowed', reason: 'datalek bijgewerkt in het register' });
  return view(updated);
}

function view<Incident extends { detectedAt: Date }>(incident: Incident) {
  return { ...incident, apDeadline: new Date(incident.detectedAt.getTime() + AP_DEADLINE_MS) };
}

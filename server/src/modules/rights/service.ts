/**
 * The requests register (AVG art. 12): every request a client makes about their rights — access,
 * rectification, erasure, restriction, portability, objection — from receipt to answer. The client files and
 * follows their own in the portal; the privacy officer records those that come by letter, phone or e-mail,
 * checks the requester's identity before anything is handed out (art. 12(6)), extends the period once with a
 * reason the client sees, and answers. Every step is audited.
 */
import mongoose, { Types, type HydratedDocument } from 'mongoose';
import { amsterdamDay, addMonths, dateToDay, dayToDate, extendedDueDay, urgencyOf } from '@spoorboek/shared/dueDates';
import type {
  ExtendRequestBody, FileRequestBody, IdentityCheckBody, RecordRequestBody, ResolveRequestBody,
} from '@spoorboek/shared/schemas/rights';
import { Client } from '../../db/models/client';
import { openClients } from '../../db/models/clientPersonalia';
import { badRequest, conflict, forbidden, notFound } from '../../http/problem';
import { auditAccess, authorize, enterClient, findScoped, listScoped, requireSomeRight, type RequestActor } from '../../policy/enforce';
import { DataSubjectRequest, RequestStep, sealedRequest, type DataSubjectRequestData } from './model';
import { inWords, results } from '../privacy/reasons';

type RequestDocument = HydratedDocument<DataSubjectRequestData>;
const OPEN = ['received', 'in_progress'];
const ERASED_TEXT = '[gewist]';

/** The client files a request from their own portal; received now, due one month after today in Amsterdam. */
export async function file(actor: RequestActor, clientId: string, body: FileRequestBody, now = new Date()) {
  await enterClient(actor, clientId, 'create', 'DataSubjectRequest');
  if (actor.clientId !== clientId) {
    // The portal channel is the client's own: staff record a letter, call or e-mail in the queue instead.
    await auditAccess(actor, 'create', 'DataSubjectRequest', { clientId, outcome: 'denied', reason: 'verzoek via het portaal voor iemand anders' });
    throw forbidden('Alleen de cliënt zelf dient een verzoek in via het portaal; de privacy officer legt verzoeken vast in de wachtrij.');
  }
  return create(actor, { clientId, kind: body.kind, channel: 'portal', receivedDay: amsterdamDay(now), receivedAt: now, description: body.description ?? null });
}

/** The privacy officer records a request that came by letter, phone or e-mail, on the day it came in. */
export async function recordRequest(actor: RequestActor, body: RecordRequestBody, now = new Date()) {
  await requireSomeRight(actor, 'create', 'DataSubjectRequest');
  const receivedDay = dateToDay(body.receivedOn);
  if (receivedDay > amsterdamDay(now)) {
    throw badRequest('De ontvangstdatum ligt in de toekomst.', [{ field: 'body.receivedOn', message: 'Kies vandaag of een eerdere dag.' }]);
  }
  if (!(await Client.exists({ _id: body.clientId }))) {
    throw badRequest('Deze cliënt bestaat niet.', [{ field: 'body.clientId', message: 'Kies een bestaande cliënt.' }]);
  }
  return create(actor, {
    clientId: body.clientId, kind: body.kind, channel: body.channel, receivedDay, receivedAt: dayToDate(receivedDay),
    description: body.description ?? null,
  });
}

async function create(actor: RequestActor, input: {
  clientId: string; kind: string; channel: string; receivedDay: string; receivedAt: Date; description: string | null;
}) {
  const _id = new Types.ObjectId();
  const due = dayToDate(addMonths(input.receivedDay, 1));
  const candidate = { _id, clientId: input.clientId, kind: input.kind, channel: input.channel, filedBy: actor.userId };
  await authorize(actor, 'create', 'DataSubjectRequest', candidate);
  await DataSubjectRequest.create(await sealedRequest.seal({
    ...candidate, receivedAt: input.receivedAt, dueAt: due, originalDueAt: due, status: 'received', description: input.description,
  }));
  await auditAccess(actor, 'create', 'DataSubjectRequest', {
    id: String(_id), clientId: input.clientId, outcome: 'allowed', reason: `verzoek om ${inWords(input.kind)} via ${inWords(input.channel)}`,
  });
  return view((await DataSubjectRequest.findById(_id))!);
}

/** The client's own requests (or any client's, for the privacy officer), newest first. */
export async function listForClient(actor: RequestActor, clientId: string) {
  await enterClient(actor, clientId, 'read', 'DataSubjectRequest');
  const requests = await listScoped(actor, 'read', DataSubjectRequest, { clientId }, { sort: { receivedAt: -1 } });
  return views(requests);
}

const URGENCY_ORDER = { overdue: 0, due_this_week: 1, later: 2, answered: 3 } as const;

/**
 * The privacy officer's queue: open requests, overdue first, then those due this week, then by due day; with
 * `open=false` the answered ones follow. Each entry names the client, so the officer can check the identity.
 */
export async function queue(actor: RequestActor, { open }: { open: boolean }, now = new Date()) {
  await requireSomeRight(actor, 'update', 'DataSubjectRequest');
  const filter = open ? { status: mongoose.trusted({ $in: OPEN }) } : {};
  const requests = await listScoped(actor, 'read', DataSubjectRequest, filter, { sort: { dueAt: 1 } });
  const items = await views(requests, now);
  const names = new Map((await openClients(await Client.find({ _id: mongoose.trusted({ $in: [...new Set(requests.map((r) => String(r.clientId)))] }) }, { firstName: 1, lastName: 1 }).lean()))
    .map((client) => [String(client._id), `${client.firstName} ${client.lastName}`]));
  await auditAccess(actor, 'search', 'DataSubjectRequest', { outcome: 'allowed', reason: `verzoeken bekeken: ${results(items.length)}` });
  return items
    .map((item) => ({ ...item, clientName: names.get(String(item.clientId)) ?? null }))
    .sort((a, b) => URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] || String(a.dueAt).localeCompare(String(b.dueAt)));
}

export async function get(actor: RequestActor, requestId: string) {
  return view(await findScoped(actor, 'read', DataSubjectRequest, { _id: requestId }));
}

/**
 * The identity check (AVG art. 12(6)): how the requester was identified and by whom. Until it is recorded nothing
 * is handed out; recorded once.
 */
export async function checkIdentity(actor: RequestActor, requestId: string, body: IdentityCheckBody, now = new Date()) {
  const request = await openRequest(actor, requestId);
  await claimStep(actor, request, 'identity_check', 'De identiteit is voor dit verzoek al gecontroleerd.');
  await DataSubjectRequest.updateOne({ _id: request._id }, await sealedRequest.sealUpdate(request, {
    identityCheck: { method: body.method, note: body.note ?? null, checkedBy: actor.userId, checkedAt: now },
    status: 'in_progress', handledBy: actor.userId,
  }));
  await auditAccess(actor, 'update', 'DataSubjectRequest', {
    id: requestId, clientId: String(request.clientId), outcome: 'allowed', reason: `identiteit gecontroleerd: ${inWords(body.method)}`,
  });
  return view((await DataSubjectRequest.findById(request._id))!);
}

/** Once, by one or two months from the original due day, with a reason the client reads (AVG art. 12(3)). */
export async function extend(actor: RequestActor, requestId: string, body: ExtendRequestBody, now = new Date()) {
  const request = await openRequest(actor, requestId);
  await claimStep(actor, request, 'extension', 'De termijn van dit verzoek is al eens verlengd; dat kan maar één keer.');
  const dueAt = dayToDate(extendedDueDay(dateToDay(request.originalDueAt), body.months));
  await DataSubjectRequest.updateOne({ _id: request._id }, await sealedRequest.sealUpdate(request, {
    dueAt, extension: { months: body.months, reason: body.reason, by: actor.userId, at: now },
  }));
  await auditAccess(actor, 'update', 'DataSubjectRequest', {
    id: requestId, clientId: String(request.clientId), outcome: 'allowed', reason: `termijn verlengd met ${body.months} ${body.months === 1 ? 'maand' : 'maanden'}`,
  });
  return view((await DataSubjectRequest.findById(request._id))!);
}

/** The answer: completed or rejected, with what the client is told and the day it was given. */
export async function resolve(actor: RequestActor, requestId: string, body: ResolveRequestBody, now = new Date()) {
  const request = await openRequest(actor, requestId);
  if (body.outcome === 'completed') requireIdentityChecked(request);
  await claimStep(actor, request, 'answer', 'Dit verzoek is al beantwoord.');
  await DataSubjectRequest.updateOne({ _id: request._id }, await sealedRequest.sealUpdate(request, {
    status: body.outcome, resolution: body.resolution, answeredAt: now, handledBy: actor.userId,
  }));
  await auditAccess(actor, 'update', 'DataSubjectRequest', {
    id: requestId, clientId: String(request.clientId), outcome: 'allowed', reason: `beantwoord: ${inWords(body.outcome)}`,
  });
  return view((await DataSubjectRequest.findById(request._id))!);
}

/**
 * The answer to an erasure request, once the client is erased: no text, since the client's key that would seal it
 * is gone (and must not be created anew); the request keeps kind, dates and status as the register's proof.
 */
export async function answerErasure(actor: RequestActor, request: RequestDocument, now = new Date()) {
  await claimStep(actor, request, 'answer', 'Dit verzoek is al beantwoord.');
  await DataSubjectRequest.updateOne({ _id: request._id }, { status: 'completed', resolution: null, answeredAt: now, handledBy: actor.userId });
  await auditAccess(actor, 'update', 'DataSubjectRequest', {
    id: String(request._id), clientId: String(request.clientId), outcome: 'allowed', reason: 'beantwoord: afgehandeld (cliënt gewist)',
  });
}

/** For the other modules (export, erasure): the request, open, of this kind, with the identity checked. */
export async function requireActionable(actor: RequestActor, requestId: string, kinds: readonly string[]) {
  const request = await openRequest(actor, requestId);
  if (!kinds.includes(request.kind)) throw conflict('Dit verzoek is van een andere soort.');
  requireIdentityChecked(request);
  return request;
}

export function requireIdentityChecked(request: { identityCheck?: unknown }) {
  if (!request.identityCheck) {
    throw conflict('Controleer eerst de identiteit van de aanvrager (AVG art. 12 lid 6); daarna kan het verzoek worden afgehandeld.');
  }
}

async function openRequest(actor: RequestActor, requestId: string) {
  await requireSomeRight(actor, 'update', 'DataSubjectRequest');
  const request = await findScoped(actor, 'update', DataSubjectRequest, { _id: requestId }, { recordRead: false });
  if (!OPEN.includes(request.status)) throw conflict('Dit verzoek is al beantwoord.');
  return request;
}

async function claimStep(actor: RequestActor, request: RequestDocument, step: 'identity_check' | 'extension' | 'answer', taken: string) {
  try {
    await RequestStep.create({ requestId: request._id, clientId: request.clientId, step, by: actor.userId });
  } catch (error) {
    if ((error as { code?: number }).code === 11000) throw conflict(taken);
    throw error;
  }
}

export type RequestView = Record<string, unknown> & { urgency: keyof typeof URGENCY_ORDER; clientId?: unknown; dueAt?: unknown };

async function views(requests: RequestDocument[], now = new Date()): Promise<RequestView[]> {
  const result: RequestView[] = [];
  for (const request of requests) result.push(await view(request, now));
  return result;
}

/** The request with its free text opened and its urgency today; the route presents it as the actor may read it. */
async function view(request: RequestDocument | null, now = new Date()): Promise<RequestView> {
  if (!request) throw notFound();
  // Only existing keys: after an erasure the client's key is gone and must not be created anew just to look.
  const [opened] = await sealedRequest.openAll<DataSubjectRequestData & Record<string, unknown>>([request], { existingKeysOnly: true, unreadable: ERASED_TEXT });
  const urgency = OPEN.includes(opened!.status) ? urgencyOf(dateToDay(opened!.dueAt), now) : 'answered';
  return { ...opened!, urgency };
}

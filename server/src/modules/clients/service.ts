/**
 * Clients and caseload: the head of every dossier. Coaches register clients at intake and keep personalia and
 * trajectory current; the administrator assigns who coaches, treats and assesses them.
 */
import type mongoose from 'mongoose';
import { Types } from 'mongoose';
import type { AssignedRole } from '@spoorboek/shared/domain';
import type { AssignmentsBody, ClientListQuery, CreateClientBody, UpdateClientBody } from '@spoorboek/shared/schemas/clients';
import { Client, type ClientData } from '../../db/models/client';
import { byName, openClients, sealedClient, type Personalia } from '../../db/models/clientPersonalia';
import { Organisation } from '../../db/models/organisation';
import { User } from '../../db/models/user';
import { badRequest, forbidden } from '../../http/problem';
import { asSubject, auditAccess, authorize, findScoped, listScoped, type RequestActor } from '../../policy/enforce';
import { changed } from '../privacy/reasons';

const ROLE_FOR: Record<keyof AssignmentsBody, AssignedRole> = {
  coachId: 'coach', companyDoctorId: 'company_doctor', labourExpertId: 'labour_expert',
};
const ROLE_NAME: Record<AssignedRole, string> = { coach: 'coach', company_doctor: 'bedrijfsarts', labour_expert: 'arbeidsdeskundige' };

type ClientDocument = ClientData & { _id: Types.ObjectId };

/**
 * The client with personal details decrypted, and the BSN too, but only for an actor who may read it (the others
 * get the masked form).
 */
async function reveal(actor: RequestActor, client: { toObject(): unknown }) {
  const [plain] = await openClients([client.toObject() as ClientDocument]);
  if (!plain!.bsn || !actor.ability.can('read', asSubject('Client', plain), 'bsn')) return { ...plain!, bsn: null };
  return sealedClient.open<NonNullable<typeof plain>>(plain!, { only: ['bsn'] });
}

/** Case- and accent-insensitive comparison form of a name: "Sánne" finds "sanne". */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');

export function matchesName(client: Personalia, search: string): boolean {
  return folded(`${client.firstName} ${client.lastName}`).includes(folded(search));
}

/**
 * The caller's caseload: exactly the clients the policy lets them read, searchable by name, by trajectory status.
 * Names are ciphertext at rest, so the scoped caseload is decrypted (one key query for the page) and searched,
 * sorted and paged in memory — a coach's caseload is tens of clients; the cost is measured in `npm run bench`.
 * A keyed blind index was the alternative; it was not chosen because it leaks which clients share a name token,
 * cannot answer a part of a name or sort, and would keep a confirmable trace of an erased client's name.
 */
export async function list(actor: RequestActor, { search, status, page, pageSize }: ClientListQuery) {
  const filter: mongoose.FilterQuery<ClientData> = {};
  if (status) filter['trajectory.status'] = status;
  const scoped = await openClients((await listScoped(actor, 'read', Client, filter)).map((client) => client.toObject() as ClientDocument));
  const found = (search ? scoped.filter((client) => matchesName(client, search)) : scoped).sort(byName);
  const items = found.slice((page - 1) * pageSize, page * pageSize);
  return { items: items.map((client) => ({ ...client, bsn: null })), total: found.length, page, pageSize };
}

export async function get(actor: RequestActor, clientId: string) {
  return reveal(actor, await findScoped(actor, 'read', Client, { _id: clientId }));
}

/** Intake (aanmelding): a coach registers a client on their own caseload; the administrator for any coach. */
export async function create(actor: RequestActor, body: CreateClientBody) {
  const _id = new Types.ObjectId();
  const isCoachOnly = actor.roles.includes('coach') && !actor.roles.includes('admin');
  const candidate = { _id, ...body, coachId: body.coachId ?? (isCoachOnly ? actor.userId : null) };
  for (const field of Object.keys(body)) await authorize(actor, 'create', 'Client', candidate, field);
  await authorize(actor, 'create', 'Client', candidate);
  if (candidate.employerId) await assertEmployer(candidate.employerId);
  if (candidate.coachId) await assertAssignable('coachId', candidate.coachId);

  await Client.create(await sealedClient.seal({ ...candidate, ...(candidate.bsn ? { bsnMasked: maskBsn(candidate.bsn) } : {}) }));
  await auditAccess(actor, 'create', 'Client', { id: String(_id), clientId: String(_id), outcome: 'allowed' });
  return reveal(actor, (await Client.findById(_id))!);
}

/** Personalia and trajectory kept current by the coach (or the administrator). */
export async function update(actor: RequestActor, clientId: string, body: UpdateClientBody) {
  const client = await findScoped(actor, 'read', Client, { _id: clientId }, { recordRead: false });
  for (const field of Object.keys(body)) await authorize(actor, 'update', 'Client', client, field);
  await Client.updateOne({ _id: client._id }, await sealedClient.sealUpdate(client, { $set: { ...body } }));
  await auditAccess(actor, 'update', 'Client', {
    id: clientId, clientId, outcome: 'allowed', reason: changed(Object.keys(body)),
  });
  return reveal(actor, (await Client.findById(client._id))!);
}

/**
 * The administrator assigns a coach, company doctor or labour expert to a client. The new caseload counts from
 * the assignee's next request, since facts are loaded per request.
 */
export async function assign(actor: RequestActor, clientId: string, body: AssignmentsBody) {
  const client = await findScoped(actor, 'assign', Client, { _id: clientId });
  const fields = Object.keys(body) as (keyof AssignmentsBody)[];
  for (const field of fields) await authorize(actor, 'assign', 'Client', client, field);
  // Separation of duties (NEN 7510): nobody puts themselves on a client's dossier.
  if (fields.some((field) => body[field] === actor.userId)) {
    await auditAccess(actor, 'assign', 'Client', { id: clientId, clientId, outcome: 'denied', reason: 'zichzelf toewijzen is niet toegestaan' });
    throw forbidden('U kunt uzelf niet aan een cliënt toewijzen; dat doet een andere beheerder (functiescheiding).');
  }
  for (const field of fields) {
    const userId = body[field];
    if (userId) await assertAssignable(field, userId);
  }
  await Client.updateOne({ _id: client._id }, body);
  await auditAccess(actor, 'assign', 'Client', {
    id: String(client._id), clientId: String(client._id), outcome: 'allowed', reason: changed(fields),
  });
  return reveal(actor, (await Client.findById(client._id))!);
}

async function assertAssignable(field: keyof AssignmentsBody, userId: string) {
  const role = ROLE_FOR[field];
  const assignee = await User.findById(userId, { roles: 1, disabled: 1 }).lean();
  if (!assignee || assignee.disabled || !assignee.roles.includes(role)) {
    throw badRequest(`Deze gebruiker kan niet worden toegewezen als ${ROLE_NAME[role]}.`, [
      { field: `body.${field}`, message: `Kies een actieve gebruiker met de rol ${ROLE_NAME[role]}.` },
    ]);
  }
}

async function assertEmployer(organisationId: string) {
  const organisation = await Organisation.findById(organisationId, { kind: 1 }).lean();
  if (!organisation || organisation.kind !== 'employer') {
    throw badRequest('Deze organisatie is geen bekende werkgever.', [{ field: 'body.employerId', message: 'Kies een bekende werkgever.' }]);
  }
}

/** Shows that a BSN is on file, and which, without revealing it: the last three digits. */
export function maskBsn(bsn: string): string {
  return `******${bsn.slice(-3)}`;
}

/** Organisations: the bureau, employers (opdrachtgevers) and occupational health services (arbodiensten). */
import { Types } from 'mongoose';
import type { CreateOrganisationBody } from '@spoorboek/shared/schemas/organisations';
import { Organisation } from '../../db/models/organisation';
import { conflict } from '../../http/problem';
import { auditAccess, authorize, listScoped, requireSomeRight, type RequestActor } from '../../policy/enforce';

/**
 * The organisations the caller may know of: all for the administrator, employers' names for a coach's intake.
 * Anyone else has no business here and hears so (403, recorded) rather than getting an empty list.
 */
export async function list(actor: RequestActor) {
  await requireSomeRight(actor, 'read', 'Organisation');
  return listScoped(actor, 'read', Organisation, {}, { sort: { name: 1 } });
}

export async function create(actor: RequestActor, body: CreateOrganisationBody) {
  const _id = new Types.ObjectId();
  await authorize(actor, 'create', 'Organisation', { _id, ...body });
  if (await Organisation.exists({ name: body.name })) throw conflict('Er bestaat al een organisatie met deze naam.');
  const organisation = await Organisation.create({ _id, ...body });
  await auditAccess(actor, 'create', 'Organisation', { id: String(_id), outcome: 'allowed' });
  return organisation;
}

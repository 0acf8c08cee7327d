import type { AssignmentsBody } from '../../../../shared/src/schemas/clients';
import type { AssignedRole } from '../../../../shared/src/domain';
import { Client } from '../../db/models/client';
import { User } from '../../db/models/user';
import { badRequest } from '../../http/problem';
import { auditAccess, authorize, findScoped, type RequestActor } from '../../policy/enforce';

const ROLE_FOR: Record<keyof AssignmentsBody, AssignedRole> = {
  coachId: 'coach', companyDoctorId: 'company_doctor', labourExpertId: 'labour_expert',
};

/**
 * The administrator assigns a coach, company doctor or labour expert to a client. The new caseload counts from
 * the assignee's next request, since facts are loaded per request.
 */
export async function assign(actor: RequestActor, clientId: string, body: AssignmentsBody) {
  const client = await findScoped(actor, 'assign', Client, { _id: clientId });
  const fields = Object.keys(body) as (keyof AssignmentsBody)[];
  for (const field of fields) await authorize(actor, 'assign', 'Client', client, field);
  for (const field of fields) {
    const userId = body[field];
    if (!userId) continue;
    const assignee = await User.findById(userId, { roles: 1, disabled: 1 }).lean();
    if (!assignee || assignee.disabled || !assignee.roles.includes(ROLE_FOR[field])) {
      throw badRequest(`Deze gebruiker kan niet worden toegewezen als ${ROLE_FOR[field]}.`, [
        { field: `body.${field}`, message: `Kies een actieve gebruiker met de rol ${ROLE_FOR[field]}.` },
      ]);
    }
  }
  await Client.updateOne({ _id: client._id }, body);
  await auditAccess(actor, 'assign', 'Client', {
    id: String(client._id), clientId: String(client._id), outcome: 'allowed', reason: `changed ${fields.join(', ')}`,
  });
  return Client.findById(client._id);
}

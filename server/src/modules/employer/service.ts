/**
 * The employer portal (Privacyreglement RndomWerk art. 5, Privacyreglement Re-integratieonderwijs.nl art. 5.1): which employees are in a trajectory and how it stands,
 * and the progress reports they chose to share. Nothing else; the policy grants nothing else, and the portal's
 * routes narrow what is presented to these fields even for a user who holds other roles too (routes.ts).
 */
import { Client } from '../../db/models/client';
import { byName, openClients } from '../../db/models/clientPersonalia';
import { forbidden } from '../../http/problem';
import { auditAccess, listScoped, type RequestActor } from '../../policy/enforce';
import * as reports from '../reports/service';

function requireEmployer(actor: RequestActor): string {
  if (!actor.roles.includes('employer') || !actor.organisationId) throw forbidden('Dit deel is alleen voor werkgevers.');
  return actor.organisationId;
}

export async function employees(actor: RequestActor) {
  const employerId = requireEmployer(actor);
  const scoped = await listScoped(actor, 'read', Client, { employerId });
  return (await openClients(scoped.map((client) => client.toObject()))).sort(byName);
}

/** Shared reports whose consent still stands; each one read is recorded in the client's access log. */
export async function sharedReports(actor: RequestActor) {
  requireEmployer(actor);
  const shared = await reports.listShared(actor, actor.facts.employeeClientIds);
  for (const report of shared) {
    await auditAccess(actor, 'read', 'Report', { id: String(report._id), clientId: String(report.clientId), outcome: 'allowed', reason: 'via het werkgeversportaal' });
  }
  return shared;
}

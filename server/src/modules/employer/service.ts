/**
 * The employer portal (Privacyreglement RndomWerk art. 5, Privacyreglement Re-integratieonderwijs.nl art. 5.1): which employees are in a trajectory and how it stands,
 * and the progress reports they chose to share. Nothing else; the policy grants nothing else, and the portal
 * narrows its answers to these fields even for a user who holds other roles too.
 */
import { EMPLOYER_CLIENT_FIELDS, EMPLOYER_REPORT_FIELDS } from '@spoorboek/shared/policy/rules';
import { Client } from '../../db/models/client';
import { byName, openClients } from '../../db/models/clientPersonalia';
import { forbidden } from '../../http/problem';
import { auditAccess, listScoped, present, type RequestActor } from '../../policy/enforce';
import * as reports from '../reports/service';

function requireEmployer(actor: RequestActor): string {
  if (!actor.roles.includes('employer') || !actor.organisationId) throw forbidden('Dit deel is alleen voor werkgevers.');
  return actor.organisationId;
}

const pick = (fields: string[], view: Record<string, unknown>) =>
  Object.fromEntries(fields.filter((field) => field in view).map((field) => [field, view[field]]));

export async function employees(actor: RequestActor) {
  const employerId = requireEmployer(actor);
  const scoped = await listScoped(actor, 'read', Client, { employerId });
  const clients = (await openClients(scoped.map((client) => client.toObject()))).sort(byName);
  return clients.map((client) => pick(EMPLOYER_CLIENT_FIELDS, present(actor, 'Client', client)));
}

/** Shared reports whose consent still stands; each one read is recorded in the client's access log. */
export async function sharedReports(actor: RequestActor) {
  requireEmployer(actor);
  const shared = await reports.listShared(actor, actor.facts.employeeClientIds);
  const views = [];
  for (const report of shared) {
    views.push(pick(EMPLOYER_REPORT_FIELDS, present(actor, 'Report', report)));
    await auditAccess(actor, 'read', 'Report', { id: String(report._id), clientId: String(report.clientId), outcome: 'allowed', reason: 'via het werkgeversportaal' });
  }
  return views;
}

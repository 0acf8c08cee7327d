/** Transparency for the client (AVG art. 15, NEN 7513): who accessed which part of their dossier, and how. */
import mongoose from 'mongoose';
import { subject as tagSubject } from '@casl/ability';
import { AuditEvent } from '../../audit/model';
import { forbidden } from '../../http/problem';
import { auditAccess, listScoped, requireSomeRight, type RequestActor } from '../../policy/enforce';

const DAY = 24 * 60 * 60 * 1000;

/** The client's access log in order, for a period (both days included). Client and privacy officer only. */
export async function accessLog(actor: RequestActor, clientId: string, { from, to }: { from?: Date; to?: Date }) {
  await requireSomeRight(actor, 'read', 'AuditEvent', clientId);
  if (!actor.ability.can('read', tagSubject('AuditEvent', { clientId }) as never)) {
    await auditAccess(actor, 'read', 'AuditEvent', { clientId, outcome: 'denied', reason: 'access log of another client' });
    throw forbidden('U kunt alleen uw eigen inzagelog bekijken.');
  }
  const at = { ...(from ? { $gte: from } : {}), ...(to ? { $lt: new Date(to.getTime() + DAY) } : {}) };
  const events = await listScoped(actor, 'read', AuditEvent as unknown as mongoose.Model<unknown>, { clientId, ...(from || to ? { at: mongoose.trusted(at) } : {}) }, { sort: { seq: 1 } });
  if (actor.clientId !== clientId) {
    await auditAccess(actor, 'read', 'AuditEvent', { clientId, outcome: 'allowed', reason: 'access log' });
  }
  return events;
}

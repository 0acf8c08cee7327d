/** Transparency for the client (AVG art. 15, NEN 7513): who accessed which part of their dossier, and how. */
import mongoose from 'mongoose';
import { subject as tagSubject } from '@casl/ability';
import type { AccessLogQuery, AuditLogQuery } from '@spoorboek/shared/schemas/accessLog';
import { AuditEvent } from '../../audit/model';
import { Client } from '../../db/models/client';
import { accessLines, type Assigned, type TrailEvent } from './accessLines';
import { verifyAuditChain } from '../../audit/verify';
import { forbidden } from '../../http/problem';
import { auditAccess, countScoped, listScoped, requireSomeRight, type RequestActor } from '../../policy/enforce';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The client's access log for a period (both days included), grouped into plain Dutch lines and paged. Client and
 * privacy officer only. The lines are built from the whole period so that a group never splits across pages.
 */
export async function accessLog(actor: RequestActor, clientId: string, { from, to, includeOwn, page, pageSize }: AccessLogQuery) {
  await requireSomeRight(actor, 'read', 'AuditEvent', clientId);
  if (!actor.ability.can('read', tagSubject('AuditEvent', { clientId }) as never)) {
    await auditAccess(actor, 'read', 'AuditEvent', { clientId, outcome: 'denied', reason: 'inzagelog van een andere cliënt' });
    throw forbidden('U kunt alleen uw eigen inzagelog bekijken.');
  }
  const at = { ...(from ? { $gte: from } : {}), ...(to ? { $lt: new Date(to.getTime() + DAY) } : {}) };
  const events = await listScoped(actor, 'read', AuditEvent as unknown as mongoose.Model<unknown>, { clientId, ...(from || to ? { at: mongoose.trusted(at) } : {}) }, { sort: { seq: 1 } });
  const [assigned] = await listScoped(actor, 'read', Client as unknown as mongoose.Model<unknown>, { _id: clientId });
  if (actor.clientId !== clientId) {
    await auditAccess(actor, 'read', 'AuditEvent', { clientId, outcome: 'allowed', reason: 'inzagelog' });
  }
  const lines = accessLines(events.map((event) => event.toObject() as unknown as TrailEvent), (assigned?.toObject() ?? {}) as Assigned);
  const shown = includeOwn ? lines : lines.filter((line) => !line.own);
  return {
    items: shown.slice((page - 1) * pageSize, page * pageSize), total: shown.length, page, pageSize,
    ownLines: lines.length - lines.filter((line) => !line.own).length,
  };
}

/** The privacy officer's view of the whole audit trail, newest first, with filters. Looking is itself recorded. */
export async function auditLog(actor: RequestActor, query: AuditLogQuery) {
  await requireSomeRight(actor, 'read', 'AuditEvent');
  // The whole trail, not one's own access log: only for whoever may read events that concern no client at all.
  if (!actor.ability.can('read', tagSubject('AuditEvent', { clientId: null }) as never)) {
    await auditAccess(actor, 'search', 'AuditEvent', { outcome: 'denied', reason: 'audittrail bekeken' });
    throw forbidden('De audittrail is alleen voor de privacy officer.');
  }
  const at = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lt: new Date(query.to.getTime() + DAY) } : {}) };
  const filter = {
    ...(query.from || query.to ? { at: mongoose.trusted(at) } : {}),
    ...(query.clientId ? { clientId: query.clientId } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.outcome ? { outcome: query.outcome } : {}),
  };
  const model = AuditEvent as unknown as mongoose.Model<unknown>;
  const [items, total] = await Promise.all([
    listScoped(actor, 'read', model, filter, { sort: { seq: -1 }, skip: (query.page - 1) * query.pageSize, limit: query.pageSize }),
    countScoped(actor, 'read', model, filter),
  ]);
  await auditAccess(actor, 'search', 'AuditEvent', { outcome: 'allowed', reason: 'audittrail bekeken' });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** Walks the chain and its sealed heads (the same check as `npm run audit:verify`). */
export async function verify(actor: RequestActor, masterKey: Buffer) {
  await requireSomeRight(actor, 'verify', 'AuditEvent');
  const result = await verifyAuditChain(masterKey);
  await auditAccess(actor, 'read', 'AuditEvent', { outcome: 'allowed', reason: `keten gecontroleerd: ${result.ok ? 'intact' : 'verbroken'}` });
  return result;
}

/**
 * Every dossier record has the audit event of its creation (NEN 7513: who created what, when). A record is saved
 * first and its event appended after; a process that stops between the two leaves a record without its event.
 * This module finds such records (for `audit:verify`) and, at start-up, appends the missing events with the reason
 * "hersteld na onderbreking", so the trail is whole again and says plainly that the event was added afterwards.
 */
import mongoose from 'mongoose';
import { ObjectId } from 'mongodb';
import { AuditEvent } from './model';
import { appendAuditEvent } from './record';
import { AuditSeal } from './seal';

/** The dossier records whose creation is audited: the event's action and the field naming who created them. */
const AUDITED_RECORDS = [
  { type: 'Client', action: 'create', creator: null, compartment: 'process' },
  { type: 'Consult', action: 'create', creator: 'coachId', compartment: 'process' },
  { type: 'Activity', action: 'create', creator: 'authorId', compartment: 'process' },
  { type: 'Report', action: 'create', creator: 'coachId', compartment: 'process' },
  { type: 'Document', action: 'create', creator: 'uploadedBy', compartment: 'process' },
  { type: 'Consent', action: 'grant', creator: 'grantedBy', compartment: 'process' },
  { type: 'Handover', action: 'create', creator: 'createdBy', compartment: 'process' },
  { type: 'HealthRecord', action: 'create', creator: 'authorId', compartment: 'health' },
  { type: 'HealthDocument', action: 'create', creator: 'uploadedBy', compartment: 'health' },
] as const;

export const RESTORED_REASON = 'hersteld na onderbreking';

/**
 * How far before the last seal a record may have been saved whose event was still to come: a request is cut off
 * by its deadline long before this.
 */
const SEAL_MARGIN_MS = 15 * 60 * 1000;

export interface UnauditedRecord {
  type: (typeof AUDITED_RECORDS)[number]['type'];
  id: string;
  clientId: string | null;
  creator: string | null;
}

/** Records (created at or after `since`, or ever) that have no allowed create/grant event in the chain. */
export async function findUnaudited(since: Date | null = null): Promise<UnauditedRecord[]> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('database not connected');
  const recordFilter = since ? { _id: { $gte: ObjectId.createFromTime(Math.floor(since.getTime() / 1000)) } } : {};
  const records: UnauditedRecord[] = [];
  for (const kind of AUDITED_RECORDS) {
    const collection = db.collection(mongoose.pluralize()!(kind.type));
    const projection = { _id: 1, clientId: 1, ...(kind.creator ? { [kind.creator]: 1 } : {}) };
    for await (const record of collection.find(recordFilter, { projection })) {
      records.push({
        type: kind.type,
        id: String(record._id),
        clientId: kind.type === 'Client' ? String(record._id) : record.clientId ? String(record.clientId) : null,
        creator: kind.creator && record[kind.creator] ? String(record[kind.creator]) : null,
      });
    }
  }
  if (records.length === 0) return [];
  const audited = new Set<string>();
  const eventFilter = { action: { $in: ['create', 'grant'] }, outcome: 'allowed', ...(since ? { at: { $gte: since } } : {}) };
  for await (const event of AuditEvent.collection.find(eventFilter, { projection: { action: 1, object: 1 } })) {
    audited.add(`${String(event.action)}:${String(event.object?.type)}:${String(event.object?.id)}`);
  }
  const actionOf = new Map<string, string>(AUDITED_RECORDS.map((kind) => [kind.type, kind.action]));
  return records.filter((record) => !audited.has(`${actionOf.get(record.type)}:${record.type}:${record.id}`));
}

/**
 * Appends the missing create events for records saved since the last seal (less a margin), or ever when nothing
 * was sealed yet. Returns the records it repaired.
 */
export async function reconcileAuditTrail(reason = RESTORED_REASON): Promise<UnauditedRecord[]> {
  const lastSeal = await AuditSeal.collection.findOne<{ at: Date }>({}, { sort: { seq: -1 }, projection: { at: 1 } });
  const since = lastSeal ? new Date(lastSeal.at.getTime() - SEAL_MARGIN_MS) : null;
  const missing = await findUnaudited(since);
  const compartmentOf = new Map<string, 'process' | 'health'>(AUDITED_RECORDS.map((kind) => [kind.type, kind.compartment]));
  const actionOf = new Map<string, 'create' | 'grant'>(AUDITED_RECORDS.map((kind) => [kind.type, kind.action]));
  // Oldest first, so the restored events keep the order the records were made in.
  missing.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Appended together: the queue keeps their order and writes them as one batch.
  await Promise.all(missing.map((record) =>
    appendAuditEvent({
      action: actionOf.get(record.type)!,
      outcome: 'allowed',
      reason,
      clientId: record.clientId,
      actor: { userId: record.creator, name: null, roles: [], organisationId: null },
      accessPoint: { ip: null, userAgent: null },
      object: { type: record.type, id: record.id, compartment: compartmentOf.get(record.type)! },
    })));
  return missing;
}

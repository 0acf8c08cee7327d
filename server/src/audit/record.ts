/**
 * Appending to the audit chain. Each event takes the next sequence number and the previous event's hash; when
 * another process took that number first, the unique index refuses the insert and we retry on the new head.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Collection } from 'mongodb';
import type { AuditAction, AuditOutcome } from '../../../shared/src/domain';
import { AuditEvent } from './model';
import { GENESIS_HASH, hashEvent, type ChainedEvent } from './chain';

export interface AuditActorSnapshot {
  userId: string | null;
  name: string | null;
  roles: string[];
  organisationId: string | null;
  onBehalfOf?: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  outcome: AuditOutcome;
  reason?: string | null;
  clientId?: string | null;
  actor: AuditActorSnapshot;
  accessPoint: { ip?: string | null; userAgent?: string | null };
  object: { type?: string | null; id?: string | null; compartment: 'process' | 'health' | 'system' };
}

const MAX_ATTEMPTS = 50;

/** `events` is the audit collection; a test may pass the same collection reached over another connection. */
export async function appendAuditEvent(
  entry: AuditEntry,
  events: Collection = AuditEvent.collection as unknown as Collection,
): Promise<ChainedEvent & { hash: string }> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const head = await events.findOne<{ seq: number; hash: string }>({}, { sort: { seq: -1 }, projection: { seq: 1, hash: 1 } });
    const event: ChainedEvent = {
      seq: (head?.seq ?? 0) + 1,
      at: new Date(),
      action: entry.action,
      outcome: entry.outcome,
      reason: entry.reason ?? null,
      clientId: entry.clientId ?? null,
      actor: {
        userId: entry.actor.userId,
        name: entry.actor.name,
        roles: entry.actor.roles,
        organisationId: entry.actor.organisationId,
        onBehalfOf: entry.actor.onBehalfOf ?? null,
      },
      accessPoint: { ip: entry.accessPoint.ip ?? null, userAgent: truncate(entry.accessPoint.userAgent) },
      object: { type: entry.object.type ?? null, id: entry.object.id ?? null, compartment: entry.object.compartment },
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    const hash = hashEvent(event);
    try {
      await events.insertOne({ ...event, hash });
      return { ...event, hash };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await sleep(Math.random() * 5 * (attempt + 1));
    }
  }
  throw new Error(`audit chain: no free sequence number after ${MAX_ATTEMPTS} attempts`);
}

function truncate(value: string | null | undefined): string | null {
  return value ? value.slice(0, 300) : null;
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;
}

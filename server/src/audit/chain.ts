import { createHash } from 'node:crypto';
import { canonicalJson } from './canonicalJson';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a link's hash covers: everything but the hash itself. */
export interface ChainedEvent {
  seq: number;
  at: Date;
  action: string;
  outcome: string;
  reason: string | null;
  clientId: string | null;
  actor: { userId: string | null; name: string | null; roles: string[]; organisationId: string | null; onBehalfOf: string | null };
  accessPoint: { ip: string | null; userAgent: string | null };
  object: { type: string | null; id: string | null; compartment: string };
  prevHash: string;
}

/** hash = SHA-256(prevHash ‖ canonical JSON of the event). */
export function hashEvent(event: ChainedEvent): string {
  const hashed: ChainedEvent = {
    seq: event.seq,
    at: event.at,
    action: event.action,
    outcome: event.outcome,
    reason: event.reason ?? null,
    clientId: event.clientId ?? null,
    actor: {
      userId: event.actor.userId ?? null,
      name: event.actor.name ?? null,
      roles: [...event.actor.roles],
      organisationId: event.actor.organisationId ?? null,
      onBehalfOf: event.actor.onBehalfOf ?? null,
    },
    accessPoint: { ip: event.accessPoint.ip ?? null, userAgent: event.accessPoint.userAgent ?? null },
    object: { type: event.object.type ?? null, id: event.object.id ?? null, compartment: event.object.compartment },
    prevHash: event.prevHash,
  };
  return createHash('sha256').update(event.prevHash).update(canonicalJson(hashed)).digest('hex');
}

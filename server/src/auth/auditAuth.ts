import type { Request } from 'express';
import type { AuditAction } from '@spoorboek/shared/domain';
import { appendAuditEvent } from '../audit/record';

interface KnownUser {
  _id: unknown;
  name: string;
  roles: string[];
  organisationId?: unknown;
  clientId?: unknown;
}

/** Authentication events (NEN 7513): who, from where, what happened — never a password, code or token. */
export async function auditAuth(
  req: Request,
  user: KnownUser | null,
  action: AuditAction,
  outcome: 'allowed' | 'denied',
  reason: string | null = null,
  target?: { type: string; id: string },
): Promise<void> {
  await appendAuditEvent({
    action,
    outcome,
    reason,
    actor: {
      userId: user ? String(user._id) : null,
      name: user?.clientId ? null : (user?.name ?? null), // no client's name in the trail (see policy/enforce.ts)
      roles: user?.roles ?? [],
      organisationId: user?.organisationId ? String(user.organisationId) : null,
    },
    accessPoint: { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null },
    object: { type: target?.type ?? 'User', id: target?.id ?? (user ? String(user._id) : null), compartment: 'system' },
  });
}

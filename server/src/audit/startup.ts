import type { Config } from '../config';
import type { Logger } from '../logger';
import { reconcileAuditTrail } from './coverage';
import { sealHead, startSealing } from './seal';

/**
 * The audit trail at start-up: records saved by a process that stopped before logging them get their create event
 * ("hersteld na onderbreking"), then the head is sealed, so a tail cut off while the server was down is caught
 * even when the last run never shut down cleanly. From then on the head is sealed every N events and hourly.
 */
export async function prepareAuditTrail(config: Config, logger: Logger): Promise<() => void> {
  const restored = await reconcileAuditTrail();
  if (restored.length > 0) {
    logger.warn({ restored: restored.length, records: restored.slice(0, 20).map(({ type, id }) => `${type}:${id}`) },
      'audit trail: create events restored for records saved without one (hersteld na onderbreking)');
  }
  await sealHead(config.masterKey);
  return startSealing(config.masterKey, {
    everyEvents: config.auditSealEveryEvents,
    intervalMs: config.auditSealIntervalMs,
    onError: (error) => logger.error({ err: error }, 'sealing the audit head failed'),
  });
}

import { privacy as contract } from '@spoorboek/shared/contracts/privacy';
import type { Config } from '../../config';
import { implement } from '../../http/route';
import { onWire } from '../../http/wire';
import * as privacy from './service';

export function privacyRoutes(config: Config) {
  return implement(contract, {
    // Lines are built from the events the presenter would show (the client's slice of each event), nothing more.
    accessLog: ({ actor, params, query }) => onWire(privacy.accessLog(actor, params.clientId, query)),
    audit: { presentEach: 'AuditEvent', handler: ({ actor, query }) => privacy.auditLog(actor, query) },
    verifyAudit: ({ actor }) => privacy.verify(actor, config.masterKey),
  });
}

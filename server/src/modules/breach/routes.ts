import { breaches as contract } from '@spoorboek/shared/contracts/breach';
import { implement } from '../../http/route';
import { onWire } from '../../http/wire';
import * as breach from './service';

export const breachRoutes = implement(contract, {
  signals: async ({ actor }) => onWire({ items: await breach.signals(actor) }),
  list: async ({ actor }) => onWire({ items: await breach.incidents(actor) }),
  report: ({ actor, body }) => onWire(breach.record(actor, body)),
  update: ({ actor, params, body }) => onWire(breach.update(actor, params.breachId, body)),
});

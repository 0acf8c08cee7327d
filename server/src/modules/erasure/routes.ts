import { erasure as contract } from '@spoorboek/shared/contracts/erasure';
import { implement } from '../../http/route';
import { onWire } from '../../http/wire';
import * as erasure from './service';

export const erasureRoutes = implement(contract, {
  erase: ({ actor, params, body }) => onWire(erasure.erase(actor, params.requestId, body)),
});

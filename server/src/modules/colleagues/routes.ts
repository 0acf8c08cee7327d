import { colleagues as contract } from '@spoorboek/shared/contracts/colleagues';
import { implement } from '../../http/route';
import * as colleagues from './service';

export const colleagueRoutes = implement(contract, {
  coaches: { presentEach: 'User', handler: ({ actor }) => colleagues.otherCoaches(actor) },
});

import { statistics as contract } from '@spoorboek/shared/contracts/statistics';
import { implement } from '../../http/route';
import * as statistics from './service';

export const statisticsRoutes = implement(contract, {
  figures: ({ actor, query }) => statistics.figures(actor, query.year),
});

import { employer as contract } from '@spoorboek/shared/contracts/employer';
import { EMPLOYER_CLIENT_FIELDS, EMPLOYER_REPORT_FIELDS } from '@spoorboek/shared/policy/rules';
import { implement } from '../../http/route';
import * as employer from './service';

/**
 * The portal answers the employer's view and nothing more, also to a user who holds other roles too: what the
 * policy presents is narrowed to the employer's fields.
 */
export const employerRoutes = implement(contract, {
  employees: { presentEach: 'Client', only: EMPLOYER_CLIENT_FIELDS, handler: ({ actor }) => employer.employees(actor) },
  reports: { presentEach: 'Report', only: EMPLOYER_REPORT_FIELDS, handler: ({ actor }) => employer.sharedReports(actor) },
});

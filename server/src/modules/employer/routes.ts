import { EmployeeList, SharedReportList } from '@spoorboek/shared/schemas/employer';
import { actorOf } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import * as employer from './service';

export const employerRoutes: RouteGroup = {
  tag: 'Werkgeversportaal',
  routes: [
    route({
      method: 'get', path: '/employer/employees', summary: 'Medewerkers in een traject, met soort en status',
      response: EmployeeList,
      handler: async (req, res) => {
        res.json({ items: await employer.employees(actorOf(req)) });
      },
    }),
    route({
      method: 'get', path: '/employer/reports', summary: 'Rapportages die medewerkers met u delen (zolang de toestemming geldt)',
      response: SharedReportList,
      handler: async (req, res) => {
        res.json({ items: await employer.sharedReports(actorOf(req)) });
      },
    }),
  ],
};

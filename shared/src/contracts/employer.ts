/** The werkgeversportaal endpoints (employer). */
import { contract } from '../contract';
import { EmployeeList, SharedReportList } from '../schemas/employer';

export const employer = contract('Werkgeversportaal', {
  employees: {
    method: 'get',
    path: '/employer/employees',
    summary: 'Medewerkers in een traject, met soort en status',
    response: EmployeeList,
  },
  reports: {
    method: 'get',
    path: '/employer/reports',
    summary: 'Rapportages die medewerkers met u delen (zolang de toestemming geldt)',
    response: SharedReportList,
  },
});

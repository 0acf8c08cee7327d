import { TRAJECTORY_KINDS, TRAJECTORY_STATUSES } from '../domain';
import { id, timestamp } from './common';
import { ReportView } from './reports';
import { z } from './zod';

/** The employer portal: employees in a trajectory and the reports they chose to share. */
export const EmployeeView = z.object({
  _id: id, firstName: z.string(), lastName: z.string(),
  employerId: id,
  trajectory: z.object({ kind: z.enum(TRAJECTORY_KINDS), status: z.enum(TRAJECTORY_STATUSES), startDate: timestamp, endDate: timestamp.nullable() }),
}).strict();
export const EmployeeList = z.object({ items: z.array(EmployeeView) });
/** A report an employee shares with the employer: the report itself, not the consults it draws on. */
export const SharedReportView = ReportView.pick({
  _id: true, clientId: true, title: true, periodStart: true, periodEnd: true, text: true, sharedAt: true,
}).required().strict();
export const SharedReportList = z.object({ items: z.array(SharedReportView) });

/** Relatiebeheer (Privacyreglement Re-integratieonderwijs.nl art. 6.4): per employer only client names, service kind and year. */
export const RelationRegisterQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict();
export const RelationRegisterView = z.object({
  items: z.array(z.object({ employerName: z.string(), clientName: z.string(), trajectoryKind: z.enum(TRAJECTORY_KINDS), year: z.number() })),
});

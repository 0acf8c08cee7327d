import { objectId } from './auth';
import { z } from './zod';

export const ClientParams = z.object({ clientId: objectId }).strict();

/** Who coaches, treats and assesses a client; null removes the assignment. Admin only (functioneel beheer). */
export const AssignmentsBody = z.object({
  coachId: objectId.nullable().optional(),
  companyDoctorId: objectId.nullable().optional(),
  labourExpertId: objectId.nullable().optional(),
}).strict().refine((body) => Object.keys(body).length > 0, 'Geef minstens één toewijzing op.');

export type AssignmentsBody = z.infer<typeof AssignmentsBody>;

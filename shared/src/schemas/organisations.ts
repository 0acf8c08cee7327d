import { ORGANISATION_KINDS } from '../domain';
import { id, text, timestamp } from './common';
import { z } from './zod';

export const CreateOrganisationBody = z.object({
  name: text(200, 'Vul de naam van de organisatie in.'),
  kind: z.enum(ORGANISATION_KINDS),
}).strict();
/** A coach reads only the name and kind of employers (for the intake); administration reads everything. */
export const OrganisationView = z.object({ _id: id, name: z.string(), kind: z.enum(ORGANISATION_KINDS), createdAt: timestamp, updatedAt: timestamp })
  .partial().required({ _id: true, name: true, kind: true });
export const OrganisationList = z.object({ items: z.array(OrganisationView) });
export type CreateOrganisationBody = z.infer<typeof CreateOrganisationBody>;
export type OrganisationView = z.infer<typeof OrganisationView>;

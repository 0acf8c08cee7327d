import { ROLES } from '../domain';
import { z } from './zod';

export const objectId = z.string().regex(/^[0-9a-f]{24}$/i, 'Ongeldige id.');
const email = z.string().trim().toLowerCase().email('Vul een geldig e-mailadres in.').max(254);

export const LoginBody = z.object({ email, password: z.string().min(1, 'Vul uw wachtwoord in.').max(1024) }).strict();
export const MfaBody = z.object({
  code: z.string().trim().min(6, 'Vul de code uit uw authenticator-app in.').max(20),
}).strict();
export const MfaConfirmBody = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'De code bestaat uit 6 cijfers.') }).strict();
export const PasswordChangeBody = z.object({
  currentPassword: z.string().min(1, 'Vul uw huidige wachtwoord in.').max(1024),
  newPassword: z.string().max(1024),
}).strict();
export const AcceptInvitationBody = z.object({
  token: z.string().min(20).max(200),
  password: z.string().max(1024),
}).strict();

export const InviteUserBody = z.object({
  email,
  name: z.string().trim().min(1).max(200),
  roles: z.array(z.enum(ROLES)).min(1, 'Kies minstens één rol.'),
  organisationId: objectId.nullable().default(null),
  clientId: objectId.nullable().default(null),
}).strict();
export const UpdateUserBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  roles: z.array(z.enum(ROLES)).min(1, 'Kies minstens één rol.').optional(),
  organisationId: objectId.nullable().optional(),
  clientId: objectId.nullable().optional(),
  disabled: z.boolean().optional(),
}).strict();
export const UserParams = z.object({ userId: objectId }).strict();

export type LoginBody = z.infer<typeof LoginBody>;
export type InviteUserBody = z.infer<typeof InviteUserBody>;
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

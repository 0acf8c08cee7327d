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

/* Responses. Fields a role may not read are left out by the server, so most view fields are optional. */

export const id = z.string().describe('ObjectId, 24 hexadecimale tekens');
export const timestamp = z.string().describe('ISO 8601 datum en tijd');

export const SelfView = z.object({
  _id: id, email: z.string(), name: z.string(), roles: z.array(z.enum(ROLES)), organisationId: id.nullable(),
  clientId: id.nullable(), mfaEnabled: z.boolean(),
}).partial();
export const UserView = SelfView.extend({
  disabled: z.boolean(), createdAt: timestamp, updatedAt: timestamp,
}).partial();
export const CsrfView = z.object({ token: z.string() });
/** Whether this browser holds a session (possibly still waiting for two-factor): the web client's first question. */
export const SessionStateView = z.object({ signedIn: z.boolean() });
export const CsrfRenewedView = z.object({ csrfToken: z.string() });
export const LoginView = z.object({ user: SelfView, mfaRequired: z.boolean(), mfaEnrolled: z.boolean(), csrfToken: z.string() });
export const MfaView = z.object({ user: SelfView, csrfToken: z.string() });
export const EnrolmentView = z.object({ secret: z.string(), uri: z.string(), qrDataUrl: z.string() });
export const RecoveryCodesView = z.object({ recoveryCodes: z.array(z.string()), csrfToken: z.string() });
export const MeView = z.object({
  user: SelfView,
  roles: z.array(z.enum(ROLES)),
  rules: z.array(z.array(z.unknown())).describe('Packed CASL rules (packRules) for @casl/react.'),
});
export const UserList = z.object({ items: z.array(UserView) });
export const InvitationView = z.object({ user: UserView, invitationToken: z.string() });

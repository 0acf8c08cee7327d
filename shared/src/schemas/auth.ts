import { ROLE_GRANT_STATUSES, ROLES } from '../domain';
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
const oneTimeToken = z.string().trim().regex(/^[A-Za-z0-9_-]{20,200}$/, 'Deze link is niet volledig. Open de link uit de e-mail opnieuw.');
export const AcceptInvitationBody = z.object({
  token: oneTimeToken,
  password: z.string().max(1024),
}).strict();
export const ForgotPasswordBody = z.object({ email }).strict();
export const ResetPasswordBody = z.object({ token: oneTimeToken, password: z.string().max(1024) }).strict();
export const RoleGrantParams = z.object({ grantId: objectId }).strict();
export const RoleGrantListQuery = z.object({ status: z.enum(ROLE_GRANT_STATUSES).optional() }).strict();

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

/** The signed-in user's own account: every user reads all of these fields of themselves. */
export const SelfView = z.object({
  _id: id, email: z.string(), name: z.string(), roles: z.array(z.enum(ROLES)), organisationId: id.nullable(),
  clientId: id.nullable(), mfaEnabled: z.boolean(),
});
/** An account as functional administration reads it (the only role that reads other users: every field but secrets). */
export const UserView = SelfView.extend({
  disabled: z.boolean(), createdAt: timestamp, updatedAt: timestamp,
});
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
export const RoleGrantView = z.object({
  _id: id, userId: id, kind: z.enum(['role', 'client_link']), role: z.enum(ROLES).nullable(), clientId: id.nullable(),
  status: z.enum(ROLE_GRANT_STATUSES), proposedBy: id, proposedAt: timestamp, decidedBy: id.nullable(),
  decidedAt: timestamp.nullable(),
});
export const RoleGrantList = z.object({
  items: z.array(RoleGrantView),
  /** Who is who: the names (and e-mail) of the users and clients the proposals mention, so the confirmer can judge. */
  people: z.record(z.string(), z.object({ name: z.string(), email: z.string().optional() })),
});
/** An invitation as the administrator sees it: never its secret, which goes only to the invitee by e-mail. */
export const InvitationView = z.object({ user: UserView, pendingGrants: z.array(RoleGrantView) });
/** A changed account, with the dossier roles and client link that now wait for a second person. */
export const UserChangeView = UserView.extend({ pendingGrants: z.array(RoleGrantView) });
export const PendingInvitation = z.object({ user: UserView, expiresAt: timestamp, expired: z.boolean() });
export const PendingInvitationList = z.object({ items: z.array(PendingInvitation) });
export const AcceptedInvitationView = z.object({ email: z.string() });
export const PasswordResetRequestedView = z.object({ detail: z.string() });

export type SelfView = z.infer<typeof SelfView>;
export type UserView = z.infer<typeof UserView>;
export type RoleGrantView = z.infer<typeof RoleGrantView>;

import { packRules } from '@casl/ability/extra';
import type { Config } from '../config';
import {
  AcceptInvitationBody, AcceptedInvitationView, CsrfRenewedView, ForgotPasswordBody, PasswordResetRequestedView, ResetPasswordBody, CsrfView, SessionStateView, EnrolmentView, LoginBody, LoginView, MeView, MfaBody, MfaConfirmBody, MfaView,
  PasswordChangeBody, RecoveryCodesView,
} from '@spoorboek/shared/schemas/auth';
import { route, type RouteGroup } from '../http/route';
import { present } from '../policy/enforce';
import { actorOf } from './actor';
import { csrf, csrfTokenFor, hasSession } from './csrf';
import * as auth from './service';
import * as recovery from './recovery';

export function authRoutes(config: Config): RouteGroup {
  return {
    tag: 'Inloggen',
    routes: [
      route({
        method: 'get', path: '/auth/csrf', public: true, summary: 'CSRF-token ophalen (nodig voor elk wijzigend verzoek)',
        description: 'Zonder sessie een ondertekend token dat ook als cookie wordt gezet (er wordt niets opgeslagen); ' +
          'met een sessie het token van die sessie.',
        response: CsrfView, errors: [429],
        handler: (req, res) => {
          res.json({ token: csrfTokenFor(req, res, config) });
        },
      }),
      route({
        method: 'get', path: '/auth/session', public: true, summary: 'Is er een sessie? (de eerste vraag van de webapp; nooit 401)',
        description: 'Antwoordt zonder 401, zodat een eerste bezoek geen fout oplevert; slaat niets op.',
        response: SessionStateView, errors: [429, 503],
        handler: (req, res) => {
          res.json({ signedIn: hasSession(req) });
        },
      }),
      route({
        method: 'post', path: '/auth/login', public: true, summary: 'Inloggen met e-mailadres en wachtwoord',
        body: LoginBody, response: LoginView, errors: [429],
        handler: async (req, res) => {
          const { user, mfaRequired, mfaEnrolled } = await auth.login(req, req.body.email);
          res.json({ user: auth.presentSelf(user), mfaRequired, mfaEnrolled, csrfToken: csrf.generateToken(req, true) });
        },
      }),
      route({
        method: 'post', path: '/auth/mfa', public: true, summary: 'Tweestapsverificatie: code of herstelcode invoeren',
        body: MfaBody, response: MfaView, errors: [401, 429],
        handler: async (req, res) => {
          const user = await auth.verifySecondFactor(req, config, req.body.code);
          res.json({ user: auth.presentSelf(user), csrfToken: csrf.generateToken(req, true) });
        },
      }),
      route({
        method: 'post', path: '/auth/mfa/enrolment', public: true, summary: 'Tweestapsverificatie instellen: geheim en QR-code',
        response: EnrolmentView, errors: [401, 409],
        handler: async (req, res) => {
          res.json(await auth.startEnrolment(req, config));
        },
      }),
      route({
        method: 'post', path: '/auth/mfa/enrolment/confirm', public: true, summary: 'Tweestapsverificatie bevestigen; geeft herstelcodes',
        body: MfaConfirmBody, response: RecoveryCodesView, errors: [401, 409],
        handler: async (req, res) => {
          const { recoveryCodes } = await auth.confirmEnrolment(req, config, req.body.code);
          res.json({ recoveryCodes, csrfToken: csrf.generateToken(req, true) });
        },
      }),
      route({
        method: 'post', path: '/auth/logout', public: true, summary: 'Uitloggen', response: null,
        handler: async (req, res) => {
          await auth.logout(req);
          res.status(204).end();
        },
      }),
      route({
        method: 'post', path: '/auth/password', summary: 'Eigen wachtwoord wijzigen', body: PasswordChangeBody,
        response: CsrfRenewedView, errors: [429],
        handler: async (req, res) => {
          await auth.changePassword(req, req.body.currentPassword, req.body.newPassword);
          res.json({ csrfToken: csrf.generateToken(req, true) });
        },
      }),
      route({
        method: 'post', path: '/auth/invitation/accept', public: true,
        summary: 'Uitnodiging aannemen en wachtwoord kiezen (met de link uit de e-mail)',
        body: AcceptInvitationBody, response: AcceptedInvitationView, errors: [409],
        handler: async (req, res) => {
          res.json(await recovery.acceptInvitation(req, req.body.token, req.body.password));
        },
      }),
      route({
        method: 'post', path: '/auth/password/forgot', public: true,
        summary: 'Wachtwoord vergeten: een herstellink per e-mail (zelfde antwoord voor onbekende adressen)',
        body: ForgotPasswordBody, response: PasswordResetRequestedView, status: 202,
        handler: (req, res) => {
          res.status(202).json({ detail: recovery.RESET_REQUESTED });
          // After the answer: known and unknown addresses cannot be told apart by its timing.
          void recovery.requestPasswordReset(req, req.body.email)
            .catch((error: unknown) => req.log.error({ err: error }, 'password reset request failed'));
        },
      }),
      route({
        method: 'post', path: '/auth/password/reset', public: true,
        summary: 'Nieuw wachtwoord kiezen met de herstellink; beëindigt alle sessies',
        body: ResetPasswordBody, response: null, status: 204,
        handler: async (req, res) => {
          await recovery.resetPassword(req, req.body.token, req.body.password);
          res.status(204).end();
        },
      }),
      route({
        method: 'get', path: '/me', summary: 'De ingelogde gebruiker en zijn regels (packRules), waaruit de UI haar menu bouwt',
        response: MeView,
        handler: (req, res) => {
          const actor = actorOf(req);
          res.json({ user: present(actor, 'User', req.sessionUser), roles: actor.roles, rules: packRules(actor.ability.rules) });
        },
      }),
    ],
  };
}

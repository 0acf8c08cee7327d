import { packRules } from '@casl/ability/extra';
import { auth as contract } from '@spoorboek/shared/contracts/auth';
import type { Config } from '../config';
import { unauthorized } from '../http/problem';
import { implement, type RouteGroup } from '../http/route';
import { csrf, csrfTokenFor, hasSession } from './csrf';
import * as auth from './service';
import * as recovery from './recovery';

export function authRoutes(config: Config): RouteGroup {
  return implement(contract, {
    csrf: ({ req, res }) => ({ token: csrfTokenFor(req, res, config) }),
    session: ({ req }) => ({ signedIn: hasSession(req) }),
    login: async ({ req, body }) => {
      const { user, mfaRequired, mfaEnrolled } = await auth.login(req, body.email);
      return { user: auth.selfView(user), mfaRequired, mfaEnrolled, csrfToken: csrf.generateToken(req, true) };
    },
    mfa: async ({ req, body }) => {
      const user = await auth.verifySecondFactor(req, config, body.code);
      return { user: auth.selfView(user), csrfToken: csrf.generateToken(req, true) };
    },
    startEnrolment: ({ req }) => auth.startEnrolment(req, config),
    confirmEnrolment: async ({ req, body }) => {
      const { recoveryCodes } = await auth.confirmEnrolment(req, config, body.code);
      return { recoveryCodes, csrfToken: csrf.generateToken(req, true) };
    },
    logout: ({ req }) => auth.logout(req),
    changePassword: async ({ req, body }) => {
      await auth.changePassword(req, body.currentPassword, body.newPassword);
      return { csrfToken: csrf.generateToken(req, true) };
    },
    acceptInvitation: ({ req, body }) => recovery.acceptInvitation(req, body.token, body.password),
    forgotPassword: ({ req, res, body }) => {
      // After the answer: known and unknown addresses cannot be told apart by its timing.
      res.once('finish', () => {
        void recovery.requestPasswordReset(req, body.email)
          .catch((error: unknown) => req.log.error({ err: error }, 'password reset request failed'));
      });
      return { detail: recovery.RESET_REQUESTED };
    },
    resetPassword: ({ req, body }) => recovery.resetPassword(req, body.token, body.password),
    me: ({ actor, req }) => {
      if (!req.sessionUser) throw unauthorized(); // set by the session check with the actor
      return { user: auth.selfView(req.sessionUser), roles: actor.roles, rules: packRules(actor.ability.rules) };
    },
  });
}

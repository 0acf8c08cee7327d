import { Router } from 'express';
import { packRules } from '@casl/ability/extra';
import type { Config } from '../config';
import { AcceptInvitationBody, LoginBody, MfaBody, MfaConfirmBody, PasswordChangeBody } from '../../../shared/src/schemas/auth';
import { validate } from '../http/validate';
import { present } from '../policy/enforce';
import { actorOf, requireActor } from './actor';
import { csrf } from './csrf';
import * as auth from './service';

export function authRoutes(config: Config): Router {
  const router = Router();

  router.get('/auth/csrf', (req, res) => {
    res.json({ token: csrf.generateToken(req) });
  });

  router.post('/auth/login', validate({ body: LoginBody }), async (req, res) => {
    const { user, mfaRequired, mfaEnrolled } = await auth.login(req, req.body.email);
    res.json({ user: auth.presentSelf(user), mfaRequired, mfaEnrolled, csrfToken: csrf.generateToken(req, true) });
  });

  router.post('/auth/mfa', validate({ body: MfaBody }), async (req, res) => {
    const user = await auth.verifySecondFactor(req, config, req.body.code);
    res.json({ user: auth.presentSelf(user), csrfToken: csrf.generateToken(req, true) });
  });

  router.post('/auth/mfa/enrolment', async (req, res) => {
    res.json(await auth.startEnrolment(req, config));
  });

  router.post('/auth/mfa/enrolment/confirm', validate({ body: MfaConfirmBody }), async (req, res) => {
    const { recoveryCodes } = await auth.confirmEnrolment(req, config, req.body.code);
    res.json({ recoveryCodes, csrfToken: csrf.generateToken(req, true) });
  });

  router.post('/auth/logout', async (req, res) => {
    await auth.logout(req);
    res.status(204).end();
  });

  router.post('/auth/password', requireActor, validate({ body: PasswordChangeBody }), async (req, res) => {
    await auth.changePassword(req, req.body.currentPassword, req.body.newPassword);
    res.json({ csrfToken: csrf.generateToken(req, true) });
  });

  router.post('/auth/invitation/accept', validate({ body: AcceptInvitationBody }), async (req, res) => {
    await auth.acceptInvitation(req, req.body.token, req.body.password);
    res.status(204).end();
  });

  /** The signed-in user and their packed rules, from which the client builds its own ability (the UI hides, the server decides). */
  router.get('/me', requireActor, (req, res) => {
    const actor = actorOf(req);
    res.json({
      user: present(actor, 'User', req.sessionUser),
      roles: actor.roles,
      rules: packRules(actor.ability.rules),
    });
  });

  return router;
}

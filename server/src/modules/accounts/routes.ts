import { Router } from 'express';
import { InviteUserBody, UpdateUserBody, UserParams } from '../../../../shared/src/schemas/auth';
import { actorOf, requireActor } from '../../auth/actor';
import { validate } from '../../http/validate';
import { present } from '../../policy/enforce';
import * as accounts from './service';

export const accountRoutes = Router();
accountRoutes.use('/admin/users', requireActor);

accountRoutes.get('/admin/users', async (req, res) => {
  const actor = actorOf(req);
  res.json({ items: (await accounts.listUsers(actor)).map((user) => present(actor, 'User', user)) });
});

accountRoutes.post('/admin/users', validate({ body: InviteUserBody }), async (req, res) => {
  const actor = actorOf(req);
  const { user, invitationToken } = await accounts.inviteUser(actor, req.body);
  res.status(201).json({ user: present(actor, 'User', user), invitationToken });
});

accountRoutes.patch('/admin/users/:userId', validate({ params: UserParams, body: UpdateUserBody }), async (req, res) => {
  const actor = actorOf(req);
  const user = await accounts.updateUser(actor, req.params.userId as string, req.body);
  res.json(present(actor, 'User', user));
});

accountRoutes.post('/admin/users/:userId/mfa-reset', validate({ params: UserParams }), async (req, res) => {
  await accounts.resetMfa(actorOf(req), req.params.userId as string);
  res.status(204).end();
});

import { Router } from 'express';
import { AssignmentsBody, ClientParams } from '../../../../shared/src/schemas/clients';
import { actorOf, requireActor } from '../../auth/actor';
import { validate } from '../../http/validate';
import { present } from '../../policy/enforce';
import * as clients from './service';

export const clientRoutes = Router();

clientRoutes.put('/clients/:clientId/assignments', requireActor, validate({ params: ClientParams, body: AssignmentsBody }),
  async (req, res) => {
    const actor = actorOf(req);
    const client = await clients.assign(actor, req.params.clientId as string, req.body);
    res.json(present(actor, 'Client', client));
  });

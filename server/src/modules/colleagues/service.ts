/**
 * Colleague coaches, by name only: whom a coach can ask to stand in for a client (vervanging). The policy lets a
 * coach read `_id` and `name` of active coaches; the presenter drops every other field.
 */
import mongoose from 'mongoose';
import { User } from '../../db/models/user';
import { authorize, listScoped, type RequestActor } from '../../policy/enforce';

export async function otherCoaches(actor: RequestActor) {
  // A role with no rule for reading colleagues gets a refusal (and an audit line), not an empty list.
  await authorize(actor, 'read', 'User', { roles: ['coach'], disabled: false }, 'name');
  // Colleagues: coaches of the actor's own bureau. Our own operator, not user input: marked trusted for sanitizeFilter.
  const filter = { roles: 'coach', disabled: false, organisationId: actor.organisationId, _id: mongoose.trusted({ $ne: actor.userId }) };
  return listScoped(actor, 'read', User, filter, { sort: { name: 1 } });
}

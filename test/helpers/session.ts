/**
 * Signing in through the real API, as a browser would: CSRF token first (before sign-in a signed token that the
 * agent also keeps as a cookie; nothing is stored on the server), then login, whose answer carries the session's
 * own token, then two-factor.
 */
import { createGuardrails, generate } from 'otplib';
import request from 'supertest';
import type { Express } from 'express';
import type { Role } from '@spoorboek/shared/domain';
import { hashPassword } from '../../server/src/auth/passwords';
import { seal } from '../../server/src/crypto/masterKeySeal';
import type { Config } from '../../server/src/config';
import { User } from '../../server/src/db/models/user';

export const PASSWORD = 'Een-lang-en-uniek-wachtwoord';
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

let passwordHash: Promise<string> | undefined;

/** A user who can sign in with PASSWORD (and, with `mfa`, the TOTP secret above). */
export async function anAccount(
  config: Config,
  { email, roles, mfa = false, ...extra }: { email: string; roles: Role[]; mfa?: boolean } & Record<string, unknown>,
) {
  passwordHash ??= hashPassword(PASSWORD);
  const user = await User.create({ email, name: email.split('@')[0], roles, passwordHash: await passwordHash, ...extra });
  if (mfa) {
    await User.updateOne({ _id: user._id }, { mfaEnabled: true, totpSecret: seal(config.masterKey, TOTP_SECRET, `totp:${String(user._id)}`) });
  }
  return user;
}

export type Agent = ReturnType<typeof request.agent>;

export async function csrfToken(agent: Agent): Promise<string> {
  const response = await agent.get('/api/v1/auth/csrf').expect(200);
  return response.body.token as string;
}

/** A TOTP code for a time step the account has not used yet (codes are accepted once). */
export async function totpCode(offsetSteps = 0): Promise<string> {
  return generate({
    secret: TOTP_SECRET,
    epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30,
    guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }),
  });
}

export interface SignedIn {
  agent: Agent;
  csrf: string;
}

export async function signIn(app: Express, email: string, { password = PASSWORD, mfa = false } = {}): Promise<SignedIn> {
  const agent = request.agent(app);
  const token = await csrfToken(agent);
  const login = await agent.post('/api/v1/auth/login').set('x-csrf-token', token).send({ email, password }).expect(200);
  let csrf = login.body.csrfToken as string;
  if (mfa) {
    const verified = await agent.post('/api/v1/auth/mfa').set('x-csrf-token', csrf).send({ code: await totpCode() }).expect(200);
    csrf = verified.body.csrfToken as string;
  }
  return { agent, csrf };
}

/** A signed-in user's API: every call carries the session cookie and the CSRF token, as the web client does. */
export interface Api {
  agent: Agent;
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  patch(path: string, body?: object): request.Test;
  put(path: string, body?: object): request.Test;
  delete(path: string): request.Test;
}


/**
 * Signs in an existing user (e.g. from `aWorld()`): gives the account the test password, and two-factor where
 * the role demands it, each on its own time step so codes never collide.
 */
export async function apiAs(app: Express, config: Config, user: { _id: unknown; email: string; roles: Role[] }): Promise<Api> {
  passwordHash ??= hashPassword(PASSWORD);
  const mfa = user.roles.some((role) => ['company_doctor', 'labour_expert', 'privacy_officer', 'admin'].includes(role));
  await User.updateOne({ _id: user._id }, {
    passwordHash: await passwordHash,
    ...(mfa ? { mfaEnabled: true, totpSecret: seal(config.masterKey, TOTP_SECRET, `totp:${String(user._id)}`), lastTotpStep: null } : {}),
  });
  const { agent, csrf } = await signIn(app, user.email, { mfa: false });
  let token = csrf;
  if (mfa) {
    const verified = await agent.post('/api/v1/auth/mfa').set('x-csrf-token', token).send({ code: await totpCode(0) }).expect(200);
    token = verified.body.csrfToken as string;
  }
  return {
    agent,
    get: (path) => agent.get(path),
    post: (path, body) => agent.post(path).set('x-csrf-token', token).send(body ?? {}),
    patch: (path, body) => agent.patch(path).set('x-csrf-token', token).send(body ?? {}),
    put: (path, body) => agent.put(path).set('x-csrf-token', token).send(body ?? {}),
    delete: (path) => agent.delete(path).set('x-csrf-token', token),
  };
}

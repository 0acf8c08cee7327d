/**
 * The main routes of each role on the demo organisation: what the command-count budget test (test/api/
 * command-budget.test.ts) and `npm run bench` measure. Each sign-in is a real one, two-factor included.
 */
import request from 'supertest';
import type { Express } from 'express';
import { createGuardrails, generate } from 'otplib';
import { User } from '../../server/src/db/models/user';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../server/src/demo/seed';

export type Agent = ReturnType<typeof request.agent>;

export interface DemoRoute {
  /** `role METHOD route` as the app reports it (the route pattern, not the path). */
  key: string;
  as: string;
  path: string;
  status: number;
}

export const DEMO_EMAILS = {
  coach: 'coach.anna@demo.spoorboek.nl',
  company_doctor: 'arts.claes@demo.spoorboek.nl',
  employer: 'hr@bakkerij-vos.demo',
  client: 'jan@client.demo',
  privacy_officer: 'privacy@demo.spoorboek.nl',
} as const;
export type DemoRole = keyof typeof DEMO_EMAILS;

/** Signs in with the demo password, and the demo TOTP secret where the role demands a second step. */
export async function signInDemo(app: Express, email: string): Promise<Agent> {
  const agent = request.agent(app);
  const csrf = ((await agent.get('/api/v1/auth/csrf')).body as { token: string }).token;
  const login = await agent.post('/api/v1/auth/login').set('x-csrf-token', csrf).send({ email, password: DEMO_PASSWORD }).expect(200);
  const body = login.body as { mfaRequired?: boolean; csrfToken: string };
  if (body.mfaRequired) {
    // Each account remembers only its own last code's step: one code serves every demo account.
    const code = await generate({ secret: DEMO_TOTP_SECRET, guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });
    await agent.post('/api/v1/auth/mfa').set('x-csrf-token', body.csrfToken).send({ code }).expect(200);
  }
  return agent;
}

/** The routes, with Jan de Wit's dossier as the one opened. */
export async function demoRoutes(): Promise<DemoRoute[]> {
  const jan = `/api/v1/clients/${String((await User.findOne({ email: DEMO_EMAILS.client }).lean())!.clientId)}`;
  const route = (as: DemoRole, pattern: string, path: string, status = 200): DemoRoute =>
    ({ key: `${as} GET ${pattern}`, as, path, status });
  const c = '/api/v1/clients/:clientId';
  return [
    route('coach', '/api/v1/me', '/api/v1/me'),
    route('coach', '/api/v1/clients', '/api/v1/clients'),
    route('coach', c, jan),
    route('coach', `${c}/consults`, `${jan}/consults`),
    route('coach', `${c}/reports`, `${jan}/reports`),
    route('coach', `${c}/activities`, `${jan}/activities`),
    route('coach', `${c}/health/fml-capacities`, `${jan}/health/fml-capacities`),
    route('coach', '/api/v1/poortwachter/today', '/api/v1/poortwachter/today'),
    route('company_doctor', '/api/v1/clients', '/api/v1/clients'),
    route('company_doctor', `${c}/health`, `${jan}/health`),
    route('employer', '/api/v1/clients', '/api/v1/clients'),
    route('employer', `${c}/reports`, `${jan}/reports`),
    route('employer', `${c}/health`, `${jan}/health`, 403),
    route('client', '/api/v1/me', '/api/v1/me'),
    route('client', `${c}/consults`, `${jan}/consults`),
    route('privacy_officer', '/api/v1/privacy/requests', '/api/v1/privacy/requests'),
  ];
}

/**
 * The server's side of the shared contract (@spoorboek/shared/contract): each endpoint gets a handler that
 * receives the validated input and the signed-in actor and returns the answer. Registering adds, in this order,
 * the session check (handed in by the app), the upload reader, zod validation, the handler, and — when the
 * implementation names a subject — the policy's presenter, so a route is its contract plus one service call.
 * OpenAPI is generated from the same endpoints (openapi.ts).
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type {
  AnswerOf, BodyOf, Contract, Endpoint, EndpointsOf, ParamsOf, QueryOf,
} from '@spoorboek/shared/contract';
import { TAG } from '@spoorboek/shared/contract';
import type { SubjectType } from '@spoorboek/shared/policy/subjects';
import { present, type RequestActor } from '../policy/enforce';
import { validate } from './validate';

declare module 'express-serve-static-core' {
  interface Request {
    /** Who is asking: set by the session check before any handler of a signed-in route runs. */
    actor?: RequestActor;
  }
}

/** What a handler receives: validated input, and the actor on every route that is not public. */
export interface Context<E extends Endpoint> {
  actor: E['public'] extends true ? RequestActor | undefined : RequestActor;
  params: ParamsOf<E>;
  query: QueryOf<E>;
  body: BodyOf<E>;
  /** For what the contract cannot say: cookies, the session, headers, a file stream. */
  req: Request;
  res: Response;
}

type Handler<E extends Endpoint, Answer> = (context: Context<E>) => Answer | Promise<Answer>;

/**
 * Fields a presented answer is narrowed to after the policy's presenter: a portal that answers one role's view
 * (the employer's), also to a user who holds other roles too.
 */
type Narrowing = readonly string[];

/** A list answer before presenting: the documents, alone or with paging beside them. */
type DocumentList = readonly unknown[] | { items: readonly unknown[] };

/**
 * How an endpoint is implemented: a handler returning the answer itself (typed by the contract), or one returning
 * documents that the policy presents as `present` (one) or `presentEach` (a list, answered as `{ items }`).
 */
export type Implementation<E extends Endpoint> =
  | Handler<E, AnswerOf<E>>
  | { present: SubjectType; presentEach?: never; only?: Narrowing; upload?: RequestHandler; handler: Handler<E, unknown> }
  | { presentEach: SubjectType; present?: never; only?: Narrowing; upload?: RequestHandler; handler: Handler<E, DocumentList> }
  | { present?: never; presentEach?: never; only?: never; upload?: RequestHandler; handler: Handler<E, AnswerOf<E>> };

export type Implementations<C extends Contract> = {
  [K in keyof EndpointsOf<C>]: EndpointsOf<C>[K] extends Endpoint ? Implementation<EndpointsOf<C>[K]> : never;
};

/** One registered endpoint: its contract, its upload reader, and the handler that answers it. */
export interface ImplementedRoute {
  endpoint: Endpoint;
  upload?: RequestHandler;
  handle: RequestHandler;
}

export interface RouteGroup {
  /** The OpenAPI tag, Dutch. */
  tag: string;
  routes: ImplementedRoute[];
  /**
   * A check for every request under a path prefix, whatever its method or route, run after the session check and
   * before anything else (the health module's wall: refused before any query or validation).
   */
  wall?: { path: string; middleware: RequestHandler };
}

function presentOne(actor: RequestActor, type: SubjectType, document: unknown, only?: Narrowing) {
  const presented = present(actor, type, document);
  return only ? Object.fromEntries(only.filter((field) => field in presented).map((field) => [field, presented[field]])) : presented;
}

function presentList(actor: RequestActor, type: SubjectType, answer: DocumentList, only?: Narrowing) {
  if (Array.isArray(answer)) return { items: answer.map((document) => presentOne(actor, type, document, only)) };
  const { items, ...rest } = answer as { items: readonly unknown[] };
  return { ...rest, items: items.map((document) => presentOne(actor, type, document, only)) };
}

/**
 * In the test suite every answer is checked against its contract, as the client will read it (after JSON), so
 * the types the client is compiled against are proven by every test that calls the endpoint.
 */
const checkingAnswers = () => process.env.SPOORBOEK_CHECK_ANSWERS === '1';

function checkAnswer(endpoint: Endpoint, body: unknown): void {
  if (!endpoint.response || 'binary' in endpoint.response) return;
  const result = endpoint.response.safeParse(JSON.parse(JSON.stringify(body ?? null)));
  if (!result.success) {
    throw new Error(`${endpoint.method.toUpperCase()} ${endpoint.path}: answer does not match its contract: ${result.error.message}`);
  }
}

function answering(endpoint: Endpoint, implementation: Implementation<Endpoint>): RequestHandler {
  const { handler, present: one, presentEach: each, only } = typeof implementation === 'function'
    ? { handler: implementation, present: undefined, presentEach: undefined, only: undefined }
    : implementation;
  return async (req, res) => {
    const context = { actor: req.actor, params: req.params, query: req.query, body: req.body, req, res } as Context<Endpoint>;
    const answer: unknown = await handler(context);
    if (res.headersSent) return; // a file download, or a handler that set its own answer
    if (endpoint.response === null) {
      res.status(204).end();
      return;
    }
    const actor = req.actor!;
    const body = one ? presentOne(actor, one, answer, only) : each ? presentList(actor, each, answer as DocumentList, only) : answer;
    if (checkingAnswers()) checkAnswer(endpoint, body);
    res.status(endpoint.status ?? 200).json(body);
  };
}

/** A module's routes: every endpoint of its contract, each with its implementation (a missing one is a type error). */
export function implement<C extends Contract>(
  contract: C, implementations: Implementations<C>, options: { wall?: RouteGroup['wall'] } = {},
): RouteGroup {
  const routes = Object.entries(contract as Record<string, Endpoint>).map(([name, endpoint]): ImplementedRoute => {
    const implementation = (implementations as Record<string, Implementation<Endpoint>>)[name]!;
    const upload = typeof implementation === 'function' ? undefined : implementation.upload;
    return { endpoint, ...(upload ? { upload } : {}), handle: answering(endpoint, implementation) };
  });
  return { tag: contract[TAG], routes, ...(options.wall ? { wall: options.wall } : {}) };
}

/** An Express router holding the group's routes, each preceded by the session check, upload reader and validation. */
export function routerFor(group: RouteGroup, requireActor: RequestHandler): Router {
  const router = Router();
  if (group.wall) router.use(group.wall.path, requireActor, group.wall.middleware);
  for (const { endpoint, upload, handle } of group.routes) {
    const chain: RequestHandler[] = [];
    if (!endpoint.public) chain.push(requireActor);
    if (upload) chain.push(upload);
    if (endpoint.params || endpoint.query || endpoint.body) {
      chain.push(validate({ params: endpoint.params, query: endpoint.query, body: endpoint.body }));
    }
    chain.push(handle);
    router[endpoint.method](endpoint.path, ...chain);
  }
  return router;
}

/**
 * One way to declare an API route: its path, its shared zod schemas, what it answers and which errors it can
 * give. The same declaration registers the Express handler (with `validate` and, unless public, `requireActor`)
 * and documents the route in the OpenAPI description, so the two cannot drift apart.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Query } from 'express-serve-static-core';
import type { z } from 'zod';
import { requireActor } from '../auth/actor';
import { validate } from './validate';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteSpec<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: Method;
  /** Express path, relative to /api/v1. */
  path: string;
  /** One line, Dutch, as a user would describe the action. */
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** A multipart upload: the middleware that reads it (before validation) and the file field's name. */
  upload?: { middleware: RequestHandler; field: string };
  /** The response body schema; `null` for 204 No Content, a `binary` for file downloads. */
  response: z.ZodType | null | { binary: true };
  status?: 200 | 201 | 202 | 204;
  /** Errors beyond those implied by the declaration (400 for input, 401/403 for a signed-in route, 404 for ids). */
  errors?: number[];
  /** Reachable without a session (login, CSRF token). */
  public?: boolean;
  handler: (req: ValidRequest<P, Q, B>, res: Response) => unknown;
}

/** A request after validation: params, query and body are what the schemas produced. */
export type ValidRequest<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> =
  Request<z.output<P> & Record<string, string>, unknown, z.output<B>, z.output<Q> & Query>;

/** A declared route (keeps the schemas' types for the handler). */
export function route<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(
  spec: RouteSpec<P, Q, B>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}

export interface RouteGroup {
  /** The OpenAPI tag, Dutch. */
  tag: string;
  routes: RouteSpec[];
  /**
   * A check for every request under a path prefix, whatever its method or route, run after the session check and
   * before anything else (the health module's wall: refused before any query or validation).
   */
  wall?: { path: string; middleware: RequestHandler };
}

/** An Express router holding the group's routes, each preceded by its session check, upload reader and validation. */
export function routerFor(group: RouteGroup): Router {
  const router = Router();
  if (group.wall) router.use(group.wall.path, requireActor, group.wall.middleware);
  for (const spec of group.routes) {
    const chain: RequestHandler[] = [];
    if (!spec.public) chain.push(requireActor);
    if (spec.upload) chain.push(spec.upload.middleware);
    if (spec.params || spec.query || spec.body) {
      chain.push(validate({ params: spec.params, query: spec.query, body: spec.body }));
    }
    chain.push(spec.handler as unknown as RequestHandler);
    router[spec.method](spec.path, ...chain);
  }
  return router;
}

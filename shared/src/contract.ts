/**
 * The API's contract, declared once and read by both sides: each endpoint's method, path, zod schemas for its
 * path parameters, query and body, its answer per status, and a one-line Dutch summary. The server implements an
 * endpoint (server/src/http/route.ts) and documents it as OpenAPI; the web client calls it (client/src/call.ts)
 * with types inferred from the same schemas, so a changed answer is a type error on both sides.
 *
 * Hand-rolled on zod rather than ts-rest: the schemas are zod 4 with Dutch messages and transforms, the server
 * adds its own session check, health wall, upload reader and problem+json errors around each endpoint, and the
 * whole mechanism is this file, route.ts, openapi.ts and call.ts (docs/design.md §5).
 */
import type { z } from 'zod';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A file download: the answer is the file itself, not JSON. */
export const BINARY = { binary: true } as const;
export type Binary = typeof BINARY;

export interface Endpoint {
  method: Method;
  /** Express-style path relative to /api/v1, with `:name` parameters. */
  path: string;
  /** One line, Dutch, as a user would describe the action. */
  summary: string;
  description?: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** A multipart upload: the file field's name (the other fields are the body). */
  upload?: { field: string };
  /** The answer's schema; `null` for 204 No Content, BINARY for a file. */
  response: z.ZodType | null | Binary;
  status?: 200 | 201 | 202 | 204;
  /** Errors beyond those implied by the declaration (400 for input, 401/403 when signed in, 404 for ids). */
  errors?: number[];
  /** Reachable without a session (sign-in, CSRF token, invitation). */
  public?: boolean;
}

/** Where a contract keeps its OpenAPI tag, out of the way of its endpoints' names. */
export const TAG: unique symbol = Symbol('tag');

/** A module's endpoints by name, under one OpenAPI tag. */
export type Contract<E extends Record<string, Endpoint> = Record<string, Endpoint>> = E & { readonly [TAG]: string };

/** Declares a module's endpoints, keeping each one's literal types for the server and the client. */
export function contract<const E extends Record<string, Endpoint>>(tag: string, endpoints: E): Contract<E> {
  return Object.assign({ [TAG]: tag }, endpoints) as Contract<E>;
}

/** The endpoints of a contract, by name. */
export type EndpointsOf<C extends Contract> = { [K in keyof C as K extends string ? K : never]: C[K] };

type Schema<E extends Endpoint, K extends 'params' | 'query' | 'body'> = E[K] extends z.ZodType ? E[K] : never;
type Parsed<S> = [S] extends [never] ? Record<never, never> : S extends z.ZodType ? z.output<S> : never;
type Given<S> = [S] extends [never] ? Record<never, never> : S extends z.ZodType ? z.input<S> : never;

/** What the server's handler receives, after validation. */
export type ParamsOf<E extends Endpoint> = Parsed<Schema<E, 'params'>>;
export type QueryOf<E extends Endpoint> = Parsed<Schema<E, 'query'>>;
export type BodyOf<E extends Endpoint> = Parsed<Schema<E, 'body'>>;

/** What a caller gives: the path parameters and the query in one object, the body apart. */
export type PathInput<E extends Endpoint> = Given<Schema<E, 'params'>> & Given<Schema<E, 'query'>>;
export type BodyInput<E extends Endpoint> = Given<Schema<E, 'body'>>;

/** The answer's JSON as it crosses the wire. */
export type AnswerOf<E extends Endpoint> = E['response'] extends z.ZodType ? z.output<E['response']> : void;

/** `/clients/:clientId/consults` with `{ clientId: 'abc' }` → `/clients/abc/consults`; the rest becomes the query. */
export function pathOf(endpoint: Endpoint, input: Record<string, unknown> = {}): string {
  const used = new Set<string>();
  const path = endpoint.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    used.add(name);
    const value = input[name];
    if (value === undefined || value === null || value === '') throw new Error(`${endpoint.path}: ${name} ontbreekt`);
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(input)) {
    if (used.has(name) || value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) query.append(name, String(item));
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

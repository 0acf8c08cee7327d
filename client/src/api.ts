/**
 * The one way the client talks to the server: same-origin cookies, the CSRF token handled here once, and
 * problem+json turned into an ApiError whose Dutch `detail` and per-field `errors` the screens show as they are.
 */
import type { z } from 'zod';
import { auth } from '@spoorboek/shared/contracts/auth';
import { inputErrors, inputProblemDetail, unsafeStrings } from '@spoorboek/shared/schemas/inputErrors';
import { pathOf, type AnswerOf, type BodyInput, type Endpoint, type PathInput } from '@spoorboek/shared/contract';
import { t } from './text';

interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }

  /** The message for one form field (`body.summary` → "summary"). */
  fieldMessage(name: string): string | undefined {
    return this.errors.find((error) => error.field.replace(/^(body|query|params)\./, '') === name)?.message;
  }
}

let csrfToken: string | null = null;
const listeners = new Set<() => void>();
/**
 * True once this page has been signed in (a `GET /me` or a sign-in succeeded). Only then does a 401 mean that a
 * session *expired*; on a first visit it just means "not signed in yet", which is no news to show.
 */
let signedInThisPage = false;

export function markSignedIn(): void {
  signedInThisPage = true;
}

/** Called when a session that existed during this page's life is gone (401), so the shell can say so. */
export function onSessionExpired(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function rememberCsrfToken(token: string | undefined): void {
  if (token) csrfToken = token;
}

/**
 * Before sign-in the server hands out a signed token (also set as an HttpOnly cookie, nothing stored server-side);
 * the login answer carries the session's own token, which replaces it.
 */
async function ensureCsrfToken(): Promise<string> {
  if (!csrfToken) {
    const response = await fetch(hrefOf(auth.csrf, {}), { credentials: 'same-origin' });
    csrfToken = ((await response.json()) as { token: string }).token;
  }
  return csrfToken;
}

async function problemOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { detail?: string; errors?: FieldError[] } & Record<string, unknown>;
    return new ApiError(response.status, body.detail ?? t.unknownError, body.errors ?? [], body);
  } catch {
    return new ApiError(response.status, t.unknownError);
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One key per submission: a repeat of it (a retry after a lost answer) gets the first result, not a second record. */
function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function send(
  method: Method,
  path: string,
  body?: unknown,
  retried = false,
  idempotencyKey?: string,
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = await ensureCsrfToken();
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, t.networkError);
  }
  if (response.status === 403 && method !== 'GET' && !retried) {
    // A token from before a sign-in or a server restart: fetch a fresh one once.
    const problem = (await response
      .clone()
      .json()
      .catch(() => ({}))) as { type?: string };
    if (problem.type?.endsWith('/problems/csrf')) {
      csrfToken = null;
      return send(method, path, body, true, idempotencyKey);
    }
  }
  return response;
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body, false, method === 'POST' ? newIdempotencyKey() : undefined);
  if (response.status === 401 && !path.startsWith('/auth/') && signedInThisPage) {
    signedInThisPage = false;
    listeners.forEach((listener) => listener());
  }
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return undefined as T;
  const json = (await response.json()) as T & { csrfToken?: string };
  rememberCsrfToken(json.csrfToken);
  return json;
}

/**
 * A form is checked with the endpoint's own schema before it is sent: the same Dutch message next to the same
 * field as the server would give (`inputErrors` is shared), without a round trip. The raw input is what is sent;
 * the server parses it again.
 */
function refuseInvalid(schema: z.ZodType, body: unknown): void {
  const verdict = inputErrors('body', schema, body);
  const errors = verdict.errors.length > 0 ? verdict.errors : unsafeStrings(verdict.parsed, ['body']);
  if (errors.length > 0) throw new ApiError(400, inputProblemDetail(errors), errors);
}

/** A call's arguments: the path parameters and query in one object (optional when there are none), then the body. */
type CallArgs<E extends Endpoint> = E['body'] extends z.ZodType
  ? [input: PathInput<E>, body: BodyInput<E>]
  : Record<never, never> extends PathInput<E>
    ? [input?: PathInput<E>]
    : [input: PathInput<E>];

/**
 * Calls one endpoint of the shared contract: `call(consults.send, { clientId, consultId })`. The path, method and
 * the answer's type all come from the contract, so a changed answer is a type error here.
 */
export async function call<E extends Endpoint>(endpoint: E, ...[input, body]: CallArgs<E>): Promise<AnswerOf<E>> {
  if (endpoint.body) refuseInvalid(endpoint.body, body);
  const method = endpoint.method.toUpperCase() as Method;
  const path = pathOf(endpoint, input as Record<string, unknown> | undefined);
  return request<AnswerOf<E>>(
    method,
    path,
    endpoint.body ? body : method === 'GET' || method === 'DELETE' ? undefined : {},
  );
}

/** The answer an endpoint gives, for naming it in a component: `Answer<typeof consults.get>`. */
export type Answer<E extends Endpoint> = AnswerOf<E>;

/** The address of a download (a file answer), for a link: `hrefOf(documents.download, { clientId, documentId })`. */
export function hrefOf<E extends Endpoint>(endpoint: E, input: PathInput<E>): string {
  return `/api/v1${pathOf(endpoint, input as Record<string, unknown>)}`;
}

/** A multipart upload with progress (fetch cannot report upload progress; XMLHttpRequest can). */
export function uploadTo<E extends Endpoint & { upload: { field: string } }>(
  endpoint: E,
  input: PathInput<E>,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<AnswerOf<E>> {
  return upload<AnswerOf<E>>(pathOf(endpoint, input as Record<string, unknown>), form, onProgress);
}

async function upload<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  const token = await ensureCsrfToken();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.setRequestHeader('x-csrf-token', token);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onerror = () => reject(new ApiError(0, t.networkError));
    xhr.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText) as Record<string, unknown>;
      } catch {
        /* an empty or non-JSON answer */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else
        reject(
          new ApiError(
            xhr.status,
            (body.detail as string) ?? t.unknownError,
            (body.errors as FieldError[]) ?? [],
            body,
          ),
        );
    };
    xhr.send(form);
  });
}

/** Resets what this module remembers (before a sign-in, after logout). */
export function forgetSession(): void {
  csrfToken = null;
  signedInThisPage = false;
}

/**
 * RFC 9457 problem details. Every error a client sees is one of these: a stable `type`, a short `title`, the
 * HTTP `status` and a `detail` written for the person using the app (Dutch, since they read it in the UI).
 */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Validation problems: one entry per offending field. */
  errors?: { field: string; label?: string; message: string }[];
}

const PROBLEM_BASE = 'https://spoorboek.nl/problems/';

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly errors?: ProblemBody['errors'],
    /** RFC 9457 extension members, e.g. the medical-wording flags that block a report. */
    readonly extensions: Record<string, unknown> = {},
    /** Response headers that belong to the problem, e.g. Retry-After on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }

  toBody(): ProblemBody {
    return {
      type: `${PROBLEM_BASE}${this.slug}`,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extensions,
    };
  }
}

export const badRequest = (detail: string, errors?: ProblemBody['errors']) =>
  new HttpProblem(400, 'bad-request', 'Ongeldig verzoek', detail, errors);
export const unauthorized = (detail = 'Log eerst in.') => new HttpProblem(401, 'unauthorized', 'Niet ingelogd', detail);
export const forbidden = (detail = 'U heeft geen toegang tot dit onderdeel.') =>
  new HttpProblem(403, 'forbidden', 'Geen toegang', detail);
/** Its own type, so a client can tell a stale form token (fetch a new one, retry) from a real refusal. */
export const csrfRejected = () =>
  new HttpProblem(403, 'csrf', 'Formulier verlopen',
    'Uw formulier is verlopen of ongeldig (CSRF). Vernieuw de pagina en probeer het opnieuw.');
export const notFound = (detail = 'De gevraagde gegevens bestaan niet.') =>
  new HttpProblem(404, 'not-found', 'Niet gevonden', detail);
export const conflict = (detail: string) => new HttpProblem(409, 'conflict', 'Conflict', detail);
/** 423: the dossier is under a restriction of processing (AVG art. 18). */
export const locked = (detail: string) => new HttpProblem(423, 'restricted', 'Verwerking beperkt', detail);
export const unprocessable = (slug: string, detail: string, extensions: Record<string, unknown>) =>
  new HttpProblem(422, slug, 'Niet verwerkbaar', detail, undefined, extensions);
export const unsupportedMediaType = (detail: string) =>
  new HttpProblem(415, 'unsupported-media-type', 'Bestandstype niet toegestaan', detail);
export const payloadTooLarge = (detail: string) => new HttpProblem(413, 'payload-too-large', 'Te groot', detail);
export const tooManyRequests = (detail: string) =>
  new HttpProblem(429, 'too-many-requests', 'Te veel pogingen', detail);
/** A lock that ends at `until`: 429 with Retry-After in seconds, and the wait in the Dutch detail. */
export const lockedUntil = (what: string, until: Date, now = Date.now()) => {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new HttpProblem(429, 'too-many-requests', 'Te veel pogingen',
    `${what} Probeer het over ${minutes === 1 ? 'een minuut' : `${minutes} minuten`} opnieuw.`, undefined, {}, { 'Retry-After': String(seconds) });
};
export const serviceUnavailable = (detail = 'De database is tijdelijk niet bereikbaar. Probeer het zo opnieuw.') =>
  new HttpProblem(503, 'service-unavailable', 'Tijdelijk niet beschikbaar', detail);
export const internalError = () =>
  new HttpProblem(500, 'internal', 'Interne fout', 'Er ging iets mis aan onze kant. Probeer het later opnieuw.');

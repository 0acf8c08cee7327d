/**
 * Every request has a deadline. When it passes unanswered (typically: the database stalls and answers nothing),
 * the caller gets 503 problem+json with Retry-After instead of waiting without end. The handler may still be running;
 * whatever it tries to send afterwards is dropped, so no response is sent twice. Its work may still complete (a
 * record saved late): a retry with the same Idempotency-Key is answered with that result instead of repeating it.
 */
import { ServerResponse } from 'node:http';
import type { RequestHandler, Response } from 'express';
import { HttpProblem } from './problem';

const RETRY_AFTER_SECONDS = 5;

export const deadlinePassed = () => new HttpProblem(
  503, 'deadline-passed', 'Tijdelijk niet beschikbaar',
  'Het verzoek duurde te lang en is afgebroken. Mogelijk is de database tijdelijk niet bereikbaar. Probeer het over enkele seconden opnieuw.',
);

declare module 'express-serve-static-core' {
  interface Locals {
    /** Set when the deadline answered for the handler. */
    deadlinePassed?: boolean;
  }
}

export function requestDeadline(timeoutMs: number): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent || res.writableEnded) return;
      res.locals.deadlinePassed = true;
      req.log?.warn({ timeoutMs }, 'request deadline passed: answered 503');
      answerDirectly(res, deadlinePassed());
      muteLaterWrites(res);
    }, timeoutMs);
    timer.unref();
    res.once('close', () => clearTimeout(timer));
    next();
  };
}

/**
 * Writes the problem with the plain Node methods: wrappers that Express middleware put on `res` (the session
 * store's save-before-end, the idempotency recorder) must not run for it, since they would wait for the very
 * database that is not answering, or record the 503 as the request's result.
 */
export function answerDirectly(res: Response, problem: HttpProblem, retryAfterSeconds = RETRY_AFTER_SECONDS) {
  const body = JSON.stringify(problem.toBody());
  ServerResponse.prototype.writeHead.call(res, problem.status, {
    'content-type': 'application/problem+json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'retry-after': String(retryAfterSeconds),
    'cache-control': 'no-store',
  });
  (ServerResponse.prototype.end as (this: ServerResponse, chunk: string) => ServerResponse).call(res, body);
}

/** After the deadline answered, the handler's own answer (headers, body, a piped download) goes nowhere. */
function muteLaterWrites(res: Response) {
  const mutable = res as unknown as Record<string, unknown>;
  mutable.setHeader = () => res;
  mutable.removeHeader = () => undefined;
  mutable.writeHead = () => res;
  mutable.write = () => true;
  mutable.end = () => res;
}

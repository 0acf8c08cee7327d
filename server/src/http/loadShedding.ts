/**
 * A bound on the requests served at once. On two busy cores every request beyond what the server can work
 * through only makes every other one slower (measured: docs/benchmarks.md); past the bound a request is refused
 * at once with 503 and Retry-After, so the ones accepted stay fast and the refused caller knows to try again.
 */
import type { RequestHandler } from 'express';
import { HttpProblem } from './problem';
import { answerDirectly } from './deadline';

const RETRY_AFTER_SECONDS = 2;

export const overloaded = () => new HttpProblem(
  503, 'overloaded', 'Tijdelijk niet beschikbaar',
  'De server is op dit moment te druk. Probeer het over enkele seconden opnieuw.',
);

export function loadShedding(maxInFlight: number): RequestHandler & { inFlight(): number } {
  let inFlight = 0;
  const middleware: RequestHandler = (_req, res, next) => {
    if (inFlight >= maxInFlight) {
      answerDirectly(res, overloaded(), RETRY_AFTER_SECONDS);
      return;
    }
    inFlight += 1;
    // 'close' comes once per response, whether it finished or the caller went away.
    res.once('close', () => {
      inFlight -= 1;
    });
    next();
  };
  return Object.assign(middleware, { inFlight: () => inFlight });
}

/**
 * The last middleware: turns anything thrown into problem+json. Known failures map to their status; anything
 * else is logged in full and answered with a generic 500, so no stack trace or internal detail leaves the server.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import mongoose from 'mongoose';
import { badRequest, csrfRejected, HttpProblem, internalError, notFound, payloadTooLarge, serviceUnavailable } from './problem';

export const notFoundHandler: RequestHandler = (req) => {
  throw notFound(`Er bestaat geen ${req.method}-route voor ${req.path}.`);
};

export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  // After the deadline answered 503, the late error still goes through `res.json` (writes are muted there), so the
  // idempotency recorder sees how the request really ended.
  if (res.headersSent && !res.locals.deadlinePassed) return next(error);
  const problem = toProblem(error);
  if (problem.status >= 500) req.log?.error({ err: error }, 'request failed');
  if (problem.status === 503) res.setHeader('Retry-After', '5');
  res.set(problem.headers).status(problem.status).type('application/problem+json').json(problem.toBody());
};

function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (isCsrfError(error)) return csrfRejected();
  if (isBodyParserError(error)) {
    if (error.type === 'entity.parse.failed') return badRequest('De verzonden gegevens zijn geen geldige JSON.');
    if (error.type === 'entity.too.large') return payloadTooLarge('De verzonden gegevens zijn te groot.');
    return badRequest('Het verzoek kon niet worden gelezen.');
  }
  if (isStaticFileError(error)) return notFound('Dit bestand bestaat niet.');
  if (error instanceof mongoose.Error.CastError) return badRequest(`Ongeldige waarde voor ${error.path}.`);
  if (isDatabaseUnavailable(error)) return serviceUnavailable();
  return internalError();
}

function isCsrfError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EBADCSRFTOKEN';
}

function isBodyParserError(error: unknown): error is { type: string; status: number } {
  return typeof error === 'object' && error !== null && 'type' in error && typeof error.type === 'string' &&
    'status' in error && typeof error.status === 'number' && error.status >= 400 && error.status < 500;
}

/** `express.static` (through `send`) refuses a missing file (404) or a path that climbs out of its folder (403). */
function isStaticFileError(error: unknown): boolean {
  return error instanceof Error && 'expose' in error && 'statusCode' in error && !('type' in error) &&
    (error.statusCode === 403 || error.statusCode === 404);
}

function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return ['MongoServerSelectionError', 'MongoNetworkError', 'MongoNetworkTimeoutError', 'MongoNotConnectedError',
    'MongoTopologyClosedError', 'MongooseServerSelectionError'].includes(error.name) ||
    /buffering timed out|Client must be connected|Cannot use a session that has ended/.test(error.message);
}

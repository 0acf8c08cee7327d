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
  if (res.headersSent) return next(error);
  const problem = toProblem(error);
  if (problem.status >= 500) req.log?.error({ err: error }, 'request failed');
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

function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return ['MongoServerSelectionError', 'MongoNetworkError', 'MongoNetworkTimeoutError', 'MongoNotConnectedError',
    'MongoTopologyClosedError', 'MongooseServerSelectionError'].includes(error.name) ||
    /buffering timed out|Client must be connected|Cannot use a session that has ended/.test(error.message);
}

/**
 * Input validation: every route declares zod schemas for what it reads; anything else never reaches a service.
 * Parsed values replace the raw ones, so unknown keys (mass assignment) and wrong types are gone by then. The
 * field-by-field Dutch errors come from the shared `inputErrors`, which the web client also runs before it sends.
 */
import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { inputErrors, inputProblemDetail, unsafeStrings, type InputError, type InputPart } from '@spoorboek/shared/schemas/inputErrors';
import { badRequest } from './problem';

type Schemas = Partial<Record<InputPart, z.ZodType>>;

const PARTS: readonly InputPart[] = ['params', 'query', 'body'];

export function validate(schemas: Schemas): RequestHandler {
  return (req, _res, next) => {
    const errors: InputError[] = [];
    const parsed: Partial<Record<InputPart, unknown>> = {};
    for (const part of PARTS) {
      const schema = schemas[part];
      if (!schema) continue;
      const verdict = inputErrors(part, schema, req[part]);
      if (verdict.errors.length > 0) errors.push(...verdict.errors);
      else parsed[part] = verdict.parsed;
    }
    if (errors.length === 0) {
      for (const part of PARTS) if (part in parsed) errors.push(...unsafeStrings(parsed[part], [part]));
    }
    if (errors.length > 0) throw badRequest(inputProblemDetail(errors), errors);
    if ('params' in parsed) req.params = parsed.params as typeof req.params;
    if ('body' in parsed) req.body = parsed.body;
    // Express 5 makes req.query a getter; shadow it with the parsed value.
    if ('query' in parsed) Object.defineProperty(req, 'query', { value: parsed.query, enumerable: true });
    next();
  };
}

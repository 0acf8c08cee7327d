/**
 * Input validation: every route declares zod schemas for what it reads; anything else never reaches a service.
 * Parsed values replace the raw ones, so unknown keys (mass assignment) and wrong types are gone by then.
 */
import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { badRequest } from './problem';

interface Schemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

export function validate(schemas: Schemas): RequestHandler {
  return (req, _res, next) => {
    const errors: { field: string; message: string }[] = [];
    const parsed: Partial<Record<keyof Schemas, unknown>> = {};
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = schemas[part];
      if (!schema) continue;
      const result = schema.safeParse(req[part] ?? {});
      if (result.success) parsed[part] = result.data;
      else {
        for (const issue of result.error.issues) {
          const path = [part, ...issue.path.map(String)];
          if (issue.code === 'unrecognized_keys') {
            // Name each unknown field, so mass assignment is reported where it happened.
            for (const key of issue.keys) errors.push({ field: [...path, key].join('.'), message: 'Dit veld bestaat niet of mag hier niet worden gewijzigd.' });
          } else {
            errors.push({ field: path.join('.'), message: issue.message });
          }
        }
      }
    }
    if (errors.length > 0) {
      const fields = [...new Set(errors.map((error) => error.field))].join(', ');
      throw badRequest(`Controleer de invoer: ${fields}.`, errors);
    }
    if ('params' in parsed) req.params = parsed.params as typeof req.params;
    if ('body' in parsed) req.body = parsed.body;
    // Express 5 makes req.query a getter; shadow it with the parsed value.
    if ('query' in parsed) Object.defineProperty(req, 'query', { value: parsed.query, enumerable: true });
    next();
  };
}

/**
 * Input validation: every route declares zod schemas for what it reads; anything else never reaches a service.
 * Parsed values replace the raw ones, so unknown keys (mass assignment) and wrong types are gone by then.
 */
import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { UNSAFE_CHARACTERS, unsafeCharacterMessage } from '@spoorboek/shared/schemas/common';
import { fieldLabel } from '@spoorboek/shared/schemas/labels';
import { badRequest } from './problem';

const UNSAFE_MARK = unsafeCharacterMessage('').slice(2, 30);
/** Secrets are compared, never shown or stored as text: any character may be part of one. */
const SECRET_FIELDS = new Set(['password', 'currentPassword', 'newPassword', 'token', 'code']);

/** One wrong field: `field` points at it for the screen, `label` names it for the person reading. */
interface FieldError { field: string; label: string; message: string }

function unsafeStrings(value: unknown, path: string[]): FieldError[] {
  if (typeof value === 'string') {
    const label = fieldLabel(path.slice(1));
    return UNSAFE_CHARACTERS.test(value) && !SECRET_FIELDS.has(path.at(-1) ?? '')
      ? [{ field: path.join('.'), label, message: unsafeCharacterMessage(label) }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => unsafeStrings(item, [...path, String(index)]));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value).flatMap(([key, item]) => unsafeStrings(item, [...path, key]));
  }
  return [];
}

interface Schemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

export function validate(schemas: Schemas): RequestHandler {
  return (req, _res, next) => {
    const errors: FieldError[] = [];
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
            for (const key of issue.keys) {
              errors.push({ field: [...path, key].join('.'), label: key, message: `Het veld "${key}" bestaat niet of mag hier niet worden gewijzigd.` });
            }
          } else {
            errors.push({ field: path.join('.'), label: fieldLabel(path.slice(1)), message: issue.message });
          }
        }
      }
    }
    // Every string the schemas let through is checked once more for the characters no input needs (NUL,
    // bidirectional controls), so a schema built without the shared text blocks cannot let them in either.
    if (errors.length === 0) {
      for (const part of ['params', 'query', 'body'] as const) {
        if (part in parsed) errors.push(...unsafeStrings(parsed[part], [part]));
      }
      if (errors.length > 0) throw badRequest(errors[0]!.message, errors);
    }
    if (errors.length > 0) {
      if (errors.every((error) => error.message.includes(UNSAFE_MARK))) throw badRequest(errors[0]!.message, errors);
      // "Voornaam: Vul dit veld in. Einddatum van het traject: De einddatum ligt vóór de startdatum."
      const detail = errors.map((error) => (error.message.startsWith(`${error.label}:`) ? error.message : `${error.label}: ${error.message}`));
      throw badRequest(`Controleer de invoer. ${[...new Set(detail)].join(' ')}`, errors);
    }
    if ('params' in parsed) req.params = parsed.params as typeof req.params;
    if ('body' in parsed) req.body = parsed.body;
    // Express 5 makes req.query a getter; shadow it with the parsed value.
    if ('query' in parsed) Object.defineProperty(req, 'query', { value: parsed.query, enumerable: true });
    next();
  };
}

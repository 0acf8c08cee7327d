/**
 * What is wrong with an input, field by field, in Dutch: the same answer from the server's validation
 * (server/src/http/validate.ts, as a 400 problem) and from the web client before it sends a form
 * (client/src/api.ts), because both read the same shared schema.
 */
import type { z } from 'zod';
import { UNSAFE_CHARACTERS, unsafeCharacterMessage } from './common';
import { fieldLabel } from './labels';

/** One wrong field: `field` points at it for the screen (`body.summary`), `label` names it for the person reading. */
export interface InputError { field: string; label: string; message: string }

export type InputPart = 'params' | 'query' | 'body';

const UNSAFE_MARK = unsafeCharacterMessage('').slice(2, 30);
/** Secrets are compared, never shown or stored as text: any character may be part of one. */
const SECRET_FIELDS = new Set(['password', 'currentPassword', 'newPassword', 'token', 'code']);

/** The schema's verdict on one part of a request: the parsed value, or every wrong field. */
export function inputErrors(part: InputPart, schema: z.ZodType, value: unknown): { parsed?: unknown; errors: InputError[] } {
  const result = schema.safeParse(value ?? {});
  if (result.success) return { parsed: result.data, errors: [] };
  const errors: InputError[] = [];
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
  return { errors };
}

/**
 * Every string a schema let through, checked once more for the characters no input needs (NUL, bidirectional
 * controls), so a schema built without the shared text blocks cannot let them in either.
 */
export function unsafeStrings(value: unknown, path: string[]): InputError[] {
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

/** The problem's Dutch `detail`: "Controleer de invoer. Voornaam: Vul de voornaam in." (an unsafe character alone says so). */
export function inputProblemDetail(errors: InputError[]): string {
  if (errors.every((error) => error.message.includes(UNSAFE_MARK))) return errors[0]!.message;
  const detail = errors.map((error) => (error.message.startsWith(`${error.label}:`) ? error.message : `${error.label}: ${error.message}`));
  return `Controleer de invoer. ${[...new Set(detail)].join(' ')}`;
}

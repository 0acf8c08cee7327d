/**
 * Structured logging with pino. Logs are for operators, not a second dossier: request lines carry the method, the
 * path without its query string and the status; secrets and personal data are redacted wherever they appear.
 */
import pino, { type Logger } from 'pino';

/** Paths pino censors, at any of the nesting levels where they turn up in request, error and domain logs. */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...['password', 'newPassword', 'currentPassword', 'passwordHash', 'token', 'secret', 'totpSecret', 'code',
    'recoveryCodes', 'bsn', 'email', 'sessionSecret', 'masterKey'].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { service: 'spoorboek' },
    },
    options.destination,
  );
}

export type { Logger };

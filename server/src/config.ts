/**
 * Configuration: environment variables → zod → one typed object. Secrets missing in development are generated
 * once into the data folder; in production a missing secret stops the process (docs/design.md §4).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export class ConfigError extends Error {}

const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// or mongodb+srv:// URI')
    // Unacknowledged writes lose errors, and FerretDB 1.24 answers them anyway, which desynchronises the connection.
    .refine((uri) => !/[?&]w=0(&|$)/i.test(uri), 'must not ask for unacknowledged writes (w=0)'),
  DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  MASTER_KEY: base64Key.optional(),
  /** Set when the app is served over TLS (directly or behind a proxy): Secure cookies with the __Host- prefix. */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  /** Number of reverse proxies in front of the app, so req.ip is the client's address. */
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  DB_SERVER_SELECTION_TIMEOUT_MS: z.coerce.number().int().min(100).default(2000),
  /** How long one database operation may go unanswered before it fails (socket timeout; a stalled database). */
  DB_OPERATION_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** A request not answered by then gets 503 (the work it started may still finish; its answer is dropped). */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(50).default(15_000),
  /** Requests being served at once; beyond this the API answers 503 at once instead of queueing without bound. */
  MAX_IN_FLIGHT: z.coerce.number().int().min(1).default(32),
  /** How long the database may be unreachable before /healthz says the process is unhealthy. */
  HEALTH_DB_GRACE_MS: z.coerce.number().int().min(0).default(60_000),
  /** The audit chain's head is sealed every this many events, and every AUDIT_SEAL_INTERVAL_MS. */
  AUDIT_SEAL_EVERY_EVENTS: z.coerce.number().int().min(0).default(500),
  AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(0).default(60 * 60 * 1000),
  /** Where mail goes (smtp:// or smtps://). `npm start` without it runs the embedded Mailpit. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  /** The address users reach the app at: the only thing a mail links to (default: this machine's PORT). */
  PUBLIC_URL: z.string().url('must be a URL such as https://spoorboek.example.nl').optional()
    .transform((value) => value?.replace(/\/+$/, '')),
  MAIL_FROM: z.string().min(3).default('Spoorboek <noreply@spoorboek.invalid>'),
  /** How often expired sessions are deleted (the database has no TTL index for them). */
  SESSION_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(24 * 60 * 60 * 1000).default(10 * 60 * 1000),
  /** Requests per minute per IP address from callers without a session (CSRF token, login, public routes). */
  ANONYMOUS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  /** How the privacy notice tells people to reach the bureau's data protection officer (AVG art. 13(1)(b)). */
  PRIVACY_CONTACT: z.string().trim().min(3).max(500).default(
    'De functionaris gegevensbescherming (FG) van het re-integratiebureau, via privacy@spoorboek.invalid of het algemene telefoonnummer van het bureau.',
  ),
});

export interface Config {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  mongodbUri: string;
  dataDir: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  sessionSecret: string;
  /** Wraps the per-client data keys (envelope encryption). */
  masterKey: Buffer;
  cookieSecure: boolean;
  trustProxy: number;
  dbServerSelectionTimeoutMs: number;
  dbOperationTimeoutMs: number;
  requestTimeoutMs: number;
  maxInFlight: number;
  healthDbGraceMs: number;
  auditSealEveryEvents: number;
  auditSealIntervalMs: number;
  /** Null: mails wait in the queue until an SMTP server is configured. */
  smtpUrl: string | null;
  publicUrl: string;
  mailFrom: string;
  sessionSweepIntervalMs: number;
  privacyContact: string;
  anonymousRateLimitPerMinute: number;
}

interface Secrets {
  sessionSecret: string;
  masterKey: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, warn: (message: string) => void = console.warn): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}`);
  }
  const values = parsed.data;
  const dataDir = resolve(values.DATA_DIR);
  const secrets = resolveSecrets(values, dataDir, warn);
  return {
    env: values.NODE_ENV,
    host: values.HOST,
    port: values.PORT,
    mongodbUri: values.MONGODB_URI,
    dataDir,
    logLevel: values.LOG_LEVEL,
    sessionSecret: secrets.sessionSecret,
    masterKey: Buffer.from(secrets.masterKey, 'base64'),
    cookieSecure: values.COOKIE_SECURE,
    trustProxy: values.TRUST_PROXY,
    dbServerSelectionTimeoutMs: values.DB_SERVER_SELECTION_TIMEOUT_MS,
    dbOperationTimeoutMs: values.DB_OPERATION_TIMEOUT_MS,
    requestTimeoutMs: values.REQUEST_TIMEOUT_MS,
    maxInFlight: values.MAX_IN_FLIGHT,
    healthDbGraceMs: values.HEALTH_DB_GRACE_MS,
    auditSealEveryEvents: values.AUDIT_SEAL_EVERY_EVENTS,
    auditSealIntervalMs: values.AUDIT_SEAL_INTERVAL_MS,
    smtpUrl: values.SMTP_URL ?? null,
    publicUrl: values.PUBLIC_URL ?? `http://localhost:${values.PORT}`,
    mailFrom: values.MAIL_FROM,
    sessionSweepIntervalMs: values.SESSION_SWEEP_INTERVAL_MS,
    anonymousRateLimitPerMinute: values.ANONYMOUS_RATE_LIMIT_PER_MINUTE,
    privacyContact: values.PRIVACY_CONTACT,
  };
}

function resolveSecrets(values: z.infer<typeof EnvSchema>, dataDir: string, warn: (message: string) => void): Secrets {
  if (values.SESSION_SECRET && values.MASTER_KEY) {
    return { sessionSecret: values.SESSION_SECRET, masterKey: values.MASTER_KEY };
  }
  if (values.NODE_ENV === 'production') {
    const missing = [!values.SESSION_SECRET && 'SESSION_SECRET', !values.MASTER_KEY && 'MASTER_KEY'].filter(Boolean);
    throw new ConfigError(
      `Missing secret(s) in production: ${missing.join(', ')}.\n` +
        '  SESSION_SECRET: at least 32 random characters, e.g. `openssl rand -base64 48`\n' +
        '  MASTER_KEY: 32 random bytes in base64, e.g. `openssl rand -base64 32` — losing it loses every dossier',
    );
  }
  if (values.NODE_ENV === 'test') {
    // Tests get throw-away secrets and never touch the developer's data folder.
    return {
      sessionSecret: values.SESSION_SECRET ?? randomBytes(48).toString('base64'),
      masterKey: values.MASTER_KEY ?? randomBytes(32).toString('base64'),
    };
  }
  const stored = readOrCreateDevelopmentSecrets(dataDir, warn);
  return {
    sessionSecret: values.SESSION_SECRET ?? stored.sessionSecret,
    masterKey: values.MASTER_KEY ?? stored.masterKey,
  };
}

function readOrCreateDevelopmentSecrets(dataDir: string, warn: (message: string) => void): Secrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets: Secrets = {
    sessionSecret: randomBytes(48).toString('base64'),
    masterKey: randomBytes(32).toString('base64'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  warn(`SESSION_SECRET/MASTER_KEY not set: generated development secrets in ${file}. Never do this in production.`);
  return secrets;
}

/**
 * Process entry: configuration → database → app → listen, and a graceful shutdown on SIGTERM/SIGINT: stop
 * accepting connections, let requests in flight finish, then close the database.
 */
import type { Server } from 'node:http';
import { ConfigError, loadConfig, type Config } from './config';
import { connectDatabase, disconnectDatabase } from './db/connection';
import { createApp } from './app';
import { createLogger, type Logger } from './logger';
import { sealHead } from './audit/seal';
import { prepareAuditTrail } from './audit/startup';
import { startMailWorker } from './modules/mail/worker';
import { startSessionSweep } from './auth/session';
import { startRetentionSchedule } from './modules/retention/schedule';
import { startReminderSchedule } from './modules/sickness/reminders';
import { startBreachWatch } from './modules/breach/signals';

export interface RunningServer {
  config: Config;
  logger: Logger;
  server: Server;
  /** Stops accepting, waits for requests in flight (at most `graceMs`), closes the database. */
  shutdown(graceMs?: number): Promise<void>;
}

/** Runs after the database is connected and before the server listens (e.g. loading demo data). */
export type Prepare = (config: Config, logger: Logger) => Promise<void>;

export interface ServerOptions {
  /** True once the embedded database's supervisor stopped restarting it; /healthz then answers 503. */
  databaseGaveUp?: () => boolean;
}

export async function startServer(env: NodeJS.ProcessEnv = process.env, prepare?: Prepare, options: ServerOptions = {}): Promise<RunningServer> {
  const config = loadConfig(env);
  const logger = createLogger({ level: config.logLevel });
  await connectDatabase(config.mongodbUri, {
    serverSelectionTimeoutMs: config.dbServerSelectionTimeoutMs, operationTimeoutMs: config.dbOperationTimeoutMs,
  });
  await prepare?.(config, logger);
  const stopSealing = await prepareAuditTrail(config, logger);
  const app = createApp({ config, logger, databaseGaveUp: options.databaseGaveUp });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, config.host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  logger.info({ host: config.host, port: config.port }, 'Spoorboek listening');
  // One mail worker per process sends the queued mails (never inside a request).
  const mail = config.smtpUrl ? startMailWorker({ smtpUrl: config.smtpUrl, from: config.mailFrom, masterKey: config.masterKey, logger }) : null;
  if (!mail) logger.warn('SMTP_URL is not set: mails wait in the queue until it is');
  const sessionSweep = startSessionSweep(config, logger);
  // Storage limitation (AVG art. 5(1)(e)): the retention run, daily.
  const retention = startRetentionSchedule(logger);
  const reminders = startReminderSchedule(logger);
  // Breach signals (AVG art. 33): the audit stream read every minute.
  const breachWatch = startBreachWatch(logger);

  let closing: Promise<void> | undefined;
  function shutdown(graceMs = 10_000) {
    closing ??= (async () => {
      logger.info('shutting down: no new connections, finishing requests in flight');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(force);
      stopSealing();
      await mail?.stop();
      await sessionSweep.stop();
      await retention.stop();
      await reminders.stop();
      await breachWatch.stop();
      await sealHead(config.masterKey).catch((error: unknown) => logger.error({ err: error }, 'sealing the audit head failed'));
      await disconnectDatabase();
      logger.info('shut down');
    })();
    return closing;
  }
  return { config, logger, server, shutdown };
}

/** Runs the server until a signal; `onStopped` releases what the caller started (e.g. the embedded database). */
export async function runUntilSignalled(
  env: NodeJS.ProcessEnv,
  onStopped: () => Promise<void> = async () => {},
  prepare?: Prepare,
  options: ServerOptions = {},
) {
  let running: RunningServer;
  try {
    running = await startServer(env, prepare, options);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    await onStopped();
    process.exit(1);
  }
  const stop = async (signal: string) => {
    running.logger.info({ signal }, 'signal received');
    await running.shutdown();
    await onStopped();
    process.exit(0);
  };
  process.once('SIGINT', (signal) => void stop(signal));
  process.once('SIGTERM', (signal) => void stop(signal));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runUntilSignalled(process.env);
}

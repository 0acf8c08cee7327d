/** The real app, wired as in production but with test configuration and a log sink the test can read. */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { Express } from 'express';
import { createApp, type AppDeps } from '../../server/src/app';
import { loadConfig, type Config } from '../../server/src/config';
import { createLogger } from '../../server/src/logger';
import { observeRequestCommands } from './commands';
import { testDatabase } from './database';

/** One master key per test run: data keys written by one test app stay readable by the next. */
const SUITE_MASTER_KEY = randomBytes(32).toString('base64');

export function testConfig(overrides: NodeJS.ProcessEnv = {}): Config {
  return loadConfig({ NODE_ENV: 'test', MONGODB_URI: testDatabase().uri, LOG_LEVEL: 'info', MASTER_KEY: SUITE_MASTER_KEY, ...overrides });
}

export interface TestApp {
  app: Express;
  config: Config;
  /** Every log line the app wrote, parsed. */
  logLines: () => Record<string, unknown>[];
}

export function testApp(options: { env?: NodeJS.ProcessEnv; deps?: Partial<AppDeps> } = {}): TestApp {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const config = testConfig(options.env);
  const logger = createLogger({ level: config.logLevel, destination: sink });
  const app = createApp({ config, logger, onRequestCommands: observeRequestCommands, ...options.deps });
  return { app, config, logLines: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

/**
 * createApp(deps): the Express application, middleware in the order a request meets it. No listening here:
 * `main.ts` listens, tests hand the app to supertest.
 */
import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import type { Config } from './config';
import type { Logger } from './logger';
import { databaseUnreachableForMs, isDatabaseReady } from './db/connection';
import { recordRequestCommands, watchCommands, type RecordedCommand } from './db/commandLog';
import { requestDeadline } from './http/deadline';
import { idempotency } from './http/idempotency';
import { loadShedding } from './http/loadShedding';
import { errorHandler, notFoundHandler } from './http/errorHandler';
import { webClient } from './http/spa';
import { authRoutes } from './auth/routes';
import { requireActor } from './auth/actor';
import { csrfProtection } from './auth/csrf';
import { anonymousRateLimit } from './http/rateLimit';
import { createSessionMiddleware, saveSessionBeforeAnswer } from './auth/session';
import { useMasterKey } from './crypto/dataKeys';
import { openApiDocument } from './http/openapi';
import { implement, routerFor, type RouteGroup } from './http/route';
import { accountRoutes } from './modules/accounts/routes';
import { mailRoutes } from './modules/mail/routes';
import { notificationRoutes } from './modules/notifications/routes';
import { useNotificationErrorLog } from './modules/notifications/service';
import { useMailSettings } from './modules/mail/outbox';
import { activityRoutes } from './modules/activities/routes';
import { clientRoutes } from './modules/clients/routes';
import { consentRoutes } from './modules/consents/routes';
import { consultRoutes } from './modules/consults/routes';
import { documentRoutes } from './modules/documents/routes';
import { employerRoutes } from './modules/employer/routes';
import { healthRoutes } from './modules/health/routes';
import { organisationRoutes } from './modules/organisations/routes';
import { privacyRoutes } from './modules/privacy/routes';
import { relationRoutes } from './modules/relations/routes';
import { reportRoutes } from './modules/reports/routes';
import { statisticsRoutes } from './modules/statistics/routes';
import { sicknessRoutes } from './modules/sickness/routes';
import { rightsRoutes } from './modules/rights/routes';
import { exportRoutes } from './modules/exports/routes';
import { erasureRoutes } from './modules/erasure/routes';
import { retentionRoutes } from './modules/retention/routes';
import { breachRoutes } from './modules/breach/routes';
import { meta } from '@spoorboek/shared/contracts/meta';
import { colleagueRoutes } from './modules/colleagues/routes';

export interface AppDeps {
  config: Config;
  logger: Logger;
  /** Mounted after the API and before the 404 handler; tests use it to reach the error path. */
  extraRoutes?: Router;
  /** The built web client (client/dist); served when it exists. */
  clientDist?: string;
  /**
   * Told, after each response, which database commands the request sent (tests check the shard key and the
   * command budget, the benchmark prints counts). Needs a connection made with `monitorCommands`.
   */
  onRequestCommands?: (request: { method: string; route: string; status: number }, commands: RecordedCommand[]) => void;
  /** True once the supervisor of the embedded database stopped restarting it (scripts/ferretdb.ts). */
  databaseGaveUp?: () => boolean;
}

export function createApp({ config, logger, extraRoutes, clientDist, onRequestCommands, databaseGaveUp }: AppDeps): Express {
  useMasterKey(config.masterKey);
  useMailSettings({ masterKey: config.masterKey, publicUrl: config.publicUrl });
  useNotificationErrorLog((error) => logger.error({ err: error }, 'a notification could not be queued'));
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'simple');

  app.use(
    pinoHttp({
      logger,
      genReqId: () => randomUUID(),
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      // 503 is a known state (overloaded, deadline passed, database away), logged where it is decided: a warning.
      customLogLevel: (_req, res, error) => (res.statusCode === 503 ? 'warn' : error || res.statusCode >= 500 ? 'error' : 'info'),
    }),
  );
  if (onRequestCommands) app.use(observeCommands(onRequestCommands));
  app.use(helmet({ contentSecurityPolicy: { directives: contentSecurityPolicy(config) } }));
  app.use((_req, res, next) => {
    // Dossier data must not linger in shared or browser caches.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Before anything reads the body or the session: refuse beyond the bound, and answer by the deadline.
  app.use('/api', loadShedding(config.maxInFlight), requestDeadline(config.requestTimeoutMs));
  app.use(express.json({ limit: '200kb' }));

  // Liveness: unhealthy when the database is gone for good (the supervisor gave up, or it has been unreachable
  // longer than a restart takes), so an orchestrator restarts the process; a short outage is only "not ready".
  app.get('/healthz', (_req, res) => {
    const unreachableMs = databaseUnreachableForMs();
    if (databaseGaveUp?.() || unreachableMs > config.healthDbGraceMs) {
      res.status(503).json({ status: 'unhealthy', reason: 'database unreachable', unreachableForMs: unreachableMs });
      return;
    }
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await isDatabaseReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unavailable' });
  });

  app.use('/api', createSessionMiddleware(config), saveSessionBeforeAnswer, anonymousRateLimit(config.anonymousRateLimitPerMinute), csrfProtection(config));
  app.use('/api/v1', idempotency(config.masterKey));
  app.use('/api/v1', apiRoutes(config));

  if (extraRoutes) app.use(extraRoutes);
  const client = webClient(clientDist);
  if (client) app.use(client);
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

/** Every API module's routes, in the order they are matched and documented. */
export function apiRouteGroups(config: Config): RouteGroup[] {
  const groups: RouteGroup[] = [
    authRoutes(config), accountRoutes, clientRoutes, consultRoutes, activityRoutes, reportRoutes, consentRoutes,
    documentRoutes, healthRoutes, privacyRoutes(config), rightsRoutes, exportRoutes, erasureRoutes, employerRoutes,
    relationRoutes, organisationRoutes, mailRoutes, notificationRoutes, statisticsRoutes, sicknessRoutes, retentionRoutes(config),
    breachRoutes, colleagueRoutes,
  ];
  // The description describes itself too, so it is built once every group (this one included) is known.
  const all = [...groups, implement(meta, {
    openApi: ({ res }) => {
      // Sent as it is, like a file: the document is fixed once built, and re-checking its ~370 kB against the
      // contract on every request (the test suite's answer check) would only cost time; openapi.test reads it whole.
      res.json(document);
      return document;
    },
  })];
  const document = openApiDocument(all);
  return all;
}

/** Every API module, mounted under /api/v1. */
export function apiRoutes(config: Config): Router {
  const api = express.Router();
  for (const group of apiRouteGroups(config)) api.use(routerFor(group, requireActor));
  return api;
}

function observeCommands(observer: NonNullable<AppDeps['onRequestCommands']>): express.RequestHandler {
  watchCommands();
  return (req, res, next) => {
    const commands: RecordedCommand[] = [];
    res.on('finish', () => {
      const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : req.path;
      observer({ method: req.method, route, status: res.statusCode }, commands);
    });
    recordRequestCommands(commands, next);
  };
}

/** A strict policy: only our own scripts, styles and API; data: images for the two-factor QR code. */
function contentSecurityPolicy(config: Config) {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    upgradeInsecureRequests: config.cookieSecure ? [] : null,
  };
}

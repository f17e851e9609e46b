// Builds the HTTP server: platform plugins and hooks first, then the platform's own pages, then every module.
import { routes as declareRoutes } from './platform/http/route.js';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import { CSRF_COOKIE, checkCsrf, csrfCookieOptions, csrfDeferred, csrfTokenOf } from './platform/http/csrf.js';
import formbody from '@fastify/formbody';
import helmet from 'helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { Config } from './config.js';
import type { Database } from './platform/db/database.js';
import { isDatabaseReady } from './platform/db/database.js';
import { platformSecret } from './platform/db/secrets.js';
import { handleError } from './platform/http/error-handler.js';
import { prettyStream } from './platform/http/log-format.js';
import { NotFound } from './platform/http/errors.js';
import { registerMetrics } from './platform/http/metrics.js';
import { watchAuditedChanges } from './platform/audit/audit-scope.js';
import { holdAnswersUntilCommit } from './platform/http/route.js';
import { parseQuery, registerJsonBodies } from './platform/http/input-shape.js';
import { contextHook } from './platform/http/request-context.js';
import { authorize, collectRouteDeclarations } from './platform/http/routes.js';
import type { Deps } from './platform/http/deps.js';
import { createJobRunner, type JobHandler } from './platform/jobs/queue.js';
import { createBlobStore } from './platform/storage/storage.js';
import { encryptedStore } from './platform/storage/encryption.js';
import { clamdScanner } from './platform/storage/virus-scan.js';
import { tenantResolver } from './platform/tenancy/tenants.js';
import { platformJobs } from './platform/jobs/platform-jobs.js';
import { EVENT_DELIVERY_JOB, EventBus } from './platform/events.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { registerPlatformPages } from './platform/pages.js';
import type { Module } from './platform/module.js';
import { modules } from './modules/index.js';

export type App = Awaited<ReturnType<typeof buildApp>>;

export function resolveBaseUrl(config: Config, port = config.port): string {
  return config.baseUrl ?? `http://localhost:${port}`;
}

export async function buildApp(
  config: Config,
  database: Database,
  options: { baseUrl?: string; internalOrigin?: string; enabledModules?: Module[] } = {},
) {
  const { db } = database;
  const baseUrl = options.baseUrl ?? resolveBaseUrl(config);
  const secure = baseUrl.startsWith('https:');
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(config.logFormat === 'pretty' ? { stream: prettyStream() } : {}),
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, url: withoutSecrets(req.url) }),
      },
    },
    genReqId: () => randomUUID(),
    trustProxy: trustedProxies(config.trustProxy),
    bodyLimit: config.uploadMaxBytes + 64 * 1024,
    return503OnClosing: true,
    routerOptions: { querystringParser: parseQuery },
  });
  const routes = collectRouteDeclarations(app);
  const active = options.enabledModules ?? modules;
  const fileKey = config.fileEncryptionKey ?? Buffer.from(await platformSecret(db, 'file-encryption'), 'base64url');
  const store = encryptedStore(createBlobStore(config.storage), fileKey);
  const scanner = config.clamd ? clamdScanner(config.clamd) : undefined;
  const events = new EventBus();
  const deps: Deps = { db, config, baseUrl, store, scanner, tenants: tenantResolver(db, config.defaultTenant), modules: active, events };
  for (const module of active) events.declare(module.name, module.subscribes?.(deps) ?? []);

  await app.register(cookie, { secret: config.sessionSecret ?? (await platformSecret(db, 'cookie')) });
  registerJsonBodies(app);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 5, fields: 50 } });
  await app.register(csrf, { cookieKey: CSRF_COOKIE, cookieOpts: csrfCookieOptions(secure), getToken: csrfTokenOf });
  await app.register(rateLimit, { global: false });
  // helmet's headers do not depend on the request: computed once here, set on every answer.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', ...(config.mapTileUrl ? [new URL(config.mapTileUrl.replace(/[{}]/g, '')).origin] : [])],
        // Forms may lead to the identity provider and, after "pay", to the payment provider's page.
        formAction: [
          "'self'",
          ...(config.oidc.issuer ? [new URL(config.oidc.issuer).origin] : []),
          ...(config.payment.provider === 'pmpayment' ? [new URL(config.payment.url).origin] : []),
        ],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: secure ? [] : null,
      },
    },
    strictTransportSecurity: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  const headers = fixedHeaders(securityHeaders);
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  await app.register(fastifyStatic, {
    root: fileURLToPath(new URL('./platform/ui/static/', import.meta.url)),
    prefix: '/static/',
    maxAge: '7d',
  });
  // Leaflet for the interactive maps, loaded only when a citizen asks for one (the pages stay within budget).
  await app.register(fastifyStatic, {
    root: dirname(createRequire(import.meta.url).resolve('leaflet/dist/leaflet.js')),
    prefix: '/static/leaflet/',
    maxAge: '30d',
    decorateReply: false,
  });

  /** Successful changes that wrote no audit entry, by route: logged, in /metrics, and failing the tests. */
  const unaudited = new Map<string, number>();
  watchAuditedChanges(app, (route) => unaudited.set(route, (unaudited.get(route) ?? 0) + 1));
  registerMetrics(app, db, config.metrics, unaudited);
  app.addHook('onRequest', contextHook({ db, config, secure, tenants: deps.tenants, nav: active.flatMap((m) => m.nav ?? []) }));
  // PostgreSQL cannot take NUL characters in text or JSON; no form, query or path has a use for them, so they go
  // before anything reads them. Then every unsafe method must carry the CSRF token.
  app.addHook('preValidation', async (request) => {
    if (hasNul(request.body)) request.body = withoutNul(request.body);
    if (hasNul(request.query)) request.query = withoutNul(request.query);
    if (hasNul(request.params)) request.params = withoutNul(request.params);
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
    if (unsafe && request.routeOptions.config?.csrf !== false && request.routeOptions.url && !csrfDeferred(request))
      await checkCsrf(request);
  });
  app.addHook('preHandler', authorize);
  holdAnswersUntilCommit(app);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(async () => {
    throw new NotFound('page');
  });

  const route = declareRoutes(app, db);
  route.get('/healthz', { access: 'public', config: { tenantless: true } }, async () => ({ status: 'ok' }));
  route.get('/readyz', { access: 'public', config: { tenantless: true } }, async ({ reply }) => {
    const ready = await isDatabaseReady(db);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'database unavailable' });
  });

  await registerPlatformPages(app, deps, secure, options.internalOrigin ?? `http://127.0.0.1:${config.port}`, active);
  for (const module of active) await module.register(app, deps);
  registerOpenApi(app, active, '0.1.0');

  const handlers: Record<string, JobHandler> = {
    ...platformJobs(deps),
    [EVENT_DELIVERY_JOB]: events.deliveryJob(db),
    ...Object.assign({}, ...active.map((m) => m.jobs?.(deps) ?? {})),
  };
  const jobs = createJobRunner(db, handlers, {
    pollMs: config.jobPollMs,
    leaseMs: config.jobLeaseSeconds * 1000,
    onError: (name, error) => app.log.warn({ event: 'job_failed', job: name, err: error }, 'job_failed'),
  });
  return { app, routes, jobs, deps, unaudited };
}

/** The headers a middleware sets when it does not depend on the request (helmet's, as configured here). */
function fixedHeaders(middleware: (req: never, res: never, next: (error?: unknown) => void) => void): [string, string][] {
  const headers: [string, string][] = [];
  const response = { setHeader: (name: string, value: unknown) => headers.push([name, String(value)]), removeHeader: () => undefined };
  middleware({} as never, response as never, (error) => {
    if (error) throw error;
  });
  return headers;
}

/** A hop count trusts that many proxies in front of us; addresses trust exactly those; nothing trusts no header. */
function trustedProxies(setting: Config['trustProxy']) {
  if (typeof setting !== 'number') return setting;
  return (_address: string, hop: number) => hop < setting;
}

/** Reset tokens and OIDC codes travel in URLs; they never reach the log. */
export function withoutSecrets(url: string): string {
  return url.replace(/(\/passwort-neu\/)[^/?]+/, '$1[redacted]').replace(/([?&](?:code|state|_csrf)=)[^&]+/g, '$1[redacted]');
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && [Object, undefined].includes(Object.getPrototypeOf(value)?.constructor);

/** Whether a parsed body, query or path holds a NUL anywhere (most do not, and are then left as they are). */
function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (isPlainObject(value)) {
    for (const key in value) if (key.includes('\u0000') || hasNul(value[key])) return true;
  }
  return false;
}

function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('\u0000') ? value.replaceAll('\u0000', '') : value;
  if (Array.isArray(value)) return value.map(withoutNul);
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key.replaceAll('\u0000', ''), withoutNul(inner)]));
  }
  return value;
}

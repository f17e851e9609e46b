// Prometheus metrics: requests and latency per route, and the depth of the job queue.
import { routes } from './route.js';
import { createHash, timingSafeEqual } from 'node:crypto';
import { BlockList, isIPv6 } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Db } from '../db/database.js';
import { queueDepth } from '../jobs/queue.js';

export type MetricsAccess = { token: string | undefined; allow: string[] };

export function registerMetrics(app: FastifyInstance, db: Db, access: MetricsAccess, unaudited: Map<string, number>): Registry {
  const route = routes(app, db);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labels = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests by route', labelNames: labels, registers: [registry] });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP latency by route',
    labelNames: labels,
    registers: [registry],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  });
  new Gauge({
    name: 'job_queue_depth',
    help: 'Jobs in the queue by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await queueDepth(db)) this.set({ status: row.status }, row.count);
    },
  });
  new Gauge({
    name: 'unaudited_changes_total',
    help: 'Successful changes that wrote no audit entry, by route (should stay empty)',
    labelNames: ['route'],
    registers: [registry],
    collect() {
      for (const [route, count] of unaudited) this.set({ route }, count);
    },
  });
  // The labelled series per method, route and status, looked up once (prom-client hashes the labels on every call).
  const series = new Map<string, { count: Counter.Internal; time: Histogram.Internal<(typeof labels)[number]> }>();
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'not_found';
    const key = `${request.method} ${route} ${reply.statusCode}`;
    let entry = series.get(key);
    if (!entry) {
      const values = [request.method, route, String(reply.statusCode)];
      entry = { count: requests.labels(...values), time: latency.labels(...values) };
      series.set(key, entry);
    }
    entry.count.inc();
    entry.time.observe(reply.elapsedTime / 1000);
    done();
  });
  const allowed = mayRead(access);
  route.get('/metrics', { access: 'apiKey', config: { tenantless: true } }, async ({ request, reply }) => {
    if (!allowed(request)) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .type('text/plain; charset=utf-8')
        .send(
          'Nicht berechtigt: /metrics braucht METRICS_TOKEN oder eine Adresse aus METRICS_ALLOW.\nNot authorised: /metrics needs METRICS_TOKEN or an address in METRICS_ALLOW.\n',
        );
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
  return registry;
}

/** The monitoring network (METRICS_ALLOW, loopback by default) reads freely; anyone else needs the bearer token. */
function mayRead(access: MetricsAccess): (request: FastifyRequest) => boolean {
  const network = new BlockList();
  for (const entry of access.allow) {
    const [address, prefix] = entry.split('/');
    const type = isIPv6(address!) ? 'ipv6' : 'ipv4';
    if (prefix) network.addSubnet(address!, Number(prefix), type);
    else network.addAddress(address!, type);
  }
  const digest = (value: string) => createHash('sha256').update(value).digest();
  const expected = access.token ? digest(access.token) : undefined;
  return (request) => {
    const presented = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (expected && presented && timingSafeEqual(digest(presented), expected)) return true;
    const ip = request.ip.replace(/^::ffff:/, '');
    return network.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4');
  };
}

// Prometheus metrics: requests and latency per route, and the depth of the job queue.
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Db } from '../db/database.js';
import { queueDepth } from '../jobs/queue.js';

export function registerMetrics(app: FastifyInstance, db: Db): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labels = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests by route', labelNames: labels, registers: [registry] });
  const latency = new Histogram({ name: 'http_request_duration_seconds', help: 'HTTP latency by route', labelNames: labels, registers: [registry], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
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
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'not_found';
    const values = { method: request.method, route, status: String(reply.statusCode) };
    requests.inc(values);
    latency.observe(values, reply.elapsedTime / 1000);
  });
  return registry;
}

// /api/openapi.json: one OpenAPI 3.1 document assembled from the parts each enabled module contributes.
import { routes } from './route.js';
import type { FastifyInstance } from 'fastify';
import type { Module } from '../module.js';

export function registerOpenApi(app: FastifyInstance, modules: Module[], version: string) {
  const route = routes(app);
  const document = {
    openapi: '3.1.0',
    info: { title: 'Rathaus API', version, description: 'Read-only JSON API of the digital town hall. The tenant is chosen by host name.' },
    paths: Object.assign({}, ...modules.map((module) => module.openapi?.paths ?? {})),
    components: { schemas: Object.assign({}, ...modules.map((module) => module.openapi?.schemas ?? {})) },
  };
  const body = JSON.stringify(document); // the same for every request: serialised once
  route.get('/api/openapi.json', { access: 'public', config: { tenantless: true } }, async ({ reply }) =>
    reply.type('application/json; charset=utf-8').send(body),
  );
}

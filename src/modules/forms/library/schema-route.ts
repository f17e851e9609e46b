// /api/schemas/{service}/v{version}.json: the JSON schema of a service's data, stable per published version.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../platform/http/deps.js';
import { NotFound } from '../../../platform/http/errors.js';
import { jsonSchemaOf } from './json-schema.js';
import type { ServiceLibrary } from './library.js';
import { definitionAt } from './versions.js';
import { routes } from '../../../platform/http/route.js';
import { formsPolicy } from '../policy.js';
import { schemaParams } from '../schema.js';

export function registerSchemaRoute(app: FastifyInstance, deps: Deps, library: ServiceLibrary) {
  routes(app, deps.db).get(
    '/api/schemas/:service/:version',
    { access: formsPolicy.apply, params: schemaParams },
    async ({ request, reply, params }) => {
      const { version } = params;
      const current = library.entry(request.ctx.tenant.id, params.service)?.base;
      if (!current || version > current.version) throw new NotFound('schema');
      const definition = await definitionAt(deps.db, current, Number(version));
      if (definition.version !== Number(version)) throw new NotFound('schema');
      return reply
        .type('application/schema+json')
        .header('cache-control', 'public, max-age=86400')
        .send(jsonSchemaOf(definition, deps.baseUrl));
    },
  );
}

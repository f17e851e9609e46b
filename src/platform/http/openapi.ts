// /api/openapi.json: one OpenAPI 3.1 document assembled from the parts each enabled module contributes.
import { routes } from './route.js';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Module } from '../module.js';

type Operation = {
  operationId?: string;
  parameters?: { name: string; in: string }[];
  security?: unknown[];
  responses?: Record<string, unknown>;
};

/** A route's params or query schema as OpenAPI parameters: the same zod schema the route parses with. */
export function parametersOf(schema: z.ZodObject, location: 'query' | 'path') {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, object>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    ...(location === 'path' || json.required?.includes(name) ? { required: true } : {}),
    schema: property,
  }));
}

/** "get" + "/api/catalog/v1/services/{id}" → "getApiCatalogV1ServicesById". */
function operationIdOf(method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .map((part) => (part.startsWith('{') ? `By-${part.slice(1, -1)}` : part))
    .flatMap((part) => part.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return method + words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
}

/** Every operation gets an operationId, declares each `{parameter}` of its path (as a required string when the
 * module did not describe it further), says when it needs no key (`security: []`), and names the 404 every
 * operation can give: a host name that serves no town. */
function completed(paths: Record<string, Record<string, Operation>>) {
  return Object.fromEntries(
    Object.entries(paths).map(([path, operations]) => {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
      return [
        path,
        Object.fromEntries(
          Object.entries(operations).map(([method, operation]) => {
            const declared = new Set((operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name));
            const missing = names
              .filter((name) => !declared.has(name))
              .map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
            return [
              method,
              {
                operationId: operation.operationId ?? operationIdOf(method, path),
                security: [],
                ...operation,
                responses: {
                  ...operation.responses,
                  ...(Object.keys(operation.responses ?? {}).some((status) => status.startsWith('4'))
                    ? {}
                    : { 404: { description: 'No town is served under this host name' } }),
                },
                ...(missing.length > 0 ? { parameters: [...(operation.parameters ?? []), ...missing] } : {}),
              },
            ];
          }),
        ),
      ];
    }),
  );
}

export function registerOpenApi(app: FastifyInstance, modules: Module[], version: string) {
  const route = routes(app);
  const document = {
    openapi: '3.1.0',
    info: {
      title: 'Rathaus API',
      version,
      description: 'JSON API of the digital town hall. The tenant is chosen by host name.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    // Relative: every tenant's host serves the same API for its own town.
    servers: [{ url: '/' }],
    paths: completed(Object.assign({}, ...modules.map((module) => module.openapi?.paths ?? {}))),
    components: {
      schemas: Object.assign({}, ...modules.map((module) => module.openapi?.schemas ?? {})),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The key of a registered consumer (hand-over).' } },
    },
  };
  const body = JSON.stringify(document); // the same for every request: serialised once
  route.get('/api/openapi.json', { access: 'public', config: { tenantless: true } }, async ({ reply }) =>
    reply.type('application/json; charset=utf-8').send(body),
  );
}

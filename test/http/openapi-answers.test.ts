// The OpenAPI document passes Redocly's recommended rules and describes what the API answers: every documented GET
// with a JSON schema is called on the demo town, in German and English, and its answer validated against the
// document with Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { startServer, type TestServer } from '../support/server.js';

const addFormats = formats as unknown as (ajv: Ajv2020) => void;

type Json = Record<string, unknown>;
type Document = { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json> } };

/** The schema with every reference to a component replaced by the component (without its own $schema). */
function resolved(schema: unknown, document: Document): unknown {
  if (Array.isArray(schema)) return schema.map((item) => resolved(item, document));
  if (!schema || typeof schema !== 'object') return schema;
  const ref = (schema as Json).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
    const { $schema: _dialect, ...component } = document.components.schemas[ref.slice('#/components/schemas/'.length)]!;
    return resolved(component, document);
  }
  return Object.fromEntries(Object.entries(schema as Json).map(([key, value]) => [key, resolved(value, document)]));
}

const examples: Record<string, string> = {
  '/api/catalog/v1/services/{id}': 'hundeanmeldung',
  '/api/catalog/v1/offices/{id}': 'buergeramt',
};

describe('the OpenAPI document and the live answers', () => {
  let server: TestServer;
  let document: Document;
  before(async () => {
    server = await startServer();
    document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as Document;
  });
  after(() => server.close());

  it('Redocly’s recommended rules find neither errors nor warnings', async () => {
    const source = await (await fetch(`${server.url}/api/openapi.json`)).text();
    const problems = await lintFromString({
      source,
      absoluteRef: 'openapi.json',
      config: await createConfig({ extends: ['recommended'] }),
    });
    assert.deepEqual(
      problems.map((problem) => `${problem.severity} ${problem.ruleId}: ${problem.message} ${problem.location[0]?.pointer ?? ''}`),
      [],
    );
  });

  it('every documented JSON answer matches its schema, in both languages', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    let checked = 0;
    for (const [path, operations] of Object.entries(document.paths)) {
      const schema = ((operations.get?.responses as Json | undefined)?.['200'] as Json | undefined)?.content as Json | undefined;
      const json = (schema?.['application/json'] as Json | undefined)?.schema;
      if (!json) continue;
      const validate = ajv.compile(resolved(json, document) as Json);
      const url = path.replace(/\{id\}/, examples[path] ?? '');
      for (const lang of ['de', 'en']) {
        const answer = await fetch(`${server.url}${url}?lang=${lang}`);
        assert.equal(answer.status, 200, `${url}?lang=${lang}`);
        const body = await answer.json();
        assert.ok(validate(body), `${url}?lang=${lang}: ${ajv.errorsText(validate.errors)}`);
        checked++;
      }
    }
    assert.ok(checked >= 10, `checked ${checked} answers`);
  });
});

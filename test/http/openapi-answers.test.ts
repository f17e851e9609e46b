// The OpenAPI document passes Redocly's recommended rules and describes what the API answers: every documented GET
// with a JSON schema that needs no key is called on the demo town (the hand-over test checks the keyed ones), in German and English, and its answer validated against the
// document with Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { startServer, type TestServer } from '../support/server.js';
import { answerSchema, answerValidator, type OpenApiDocument } from '../support/openapi.js';

const examples: Record<string, string> = {
  '/api/catalog/v1/services/{id}': 'hundeanmeldung',
  '/api/catalog/v1/offices/{id}': 'buergeramt',
};

describe('the OpenAPI document and the live answers', () => {
  let server: TestServer;
  let document: OpenApiDocument;
  before(async () => {
    server = await startServer();
    document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as OpenApiDocument;
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
    let checked = 0;
    for (const path of Object.keys(document.paths)) {
      const schema = answerSchema(document, path, 'get', 200);
      if (!schema || (document.paths[path]!.get!.security as unknown[]).length > 0) continue;
      const problems = answerValidator(schema);
      const url = path.replace(/\{id\}/, examples[path] ?? '');
      for (const lang of ['de', 'en']) {
        const answer = await fetch(`${server.url}${url}?lang=${lang}`);
        assert.equal(answer.status, 200, `${url}?lang=${lang}`);
        assert.equal(problems(await answer.json()), '', `${url}?lang=${lang}`);
        checked++;
      }
    }
    assert.ok(checked >= 10, `checked ${checked} answers`);
  });

  it('the service list comes a page at a time, each after the last, and bad paging gives the first page', async () => {
    const all = (await (await fetch(`${server.url}/api/catalog/v1/services`)).json()) as { items: { id: string }[]; next?: string };
    assert.equal(all.next, undefined, 'the demo’s services fit one page of the default size');
    const seen: string[] = [];
    let url: string | undefined = `${server.url}/api/catalog/v1/services?limit=30`;
    while (url) {
      const page = (await (await fetch(url)).json()) as { items: { id: string }[]; next?: string };
      assert.ok(page.items.length <= 30);
      seen.push(...page.items.map((item) => item.id));
      url = page.next?.replace(/^https?:\/\/[^/]+/, server.url);
    }
    assert.deepEqual(
      seen,
      all.items.map((item) => item.id),
      'every service once, in the same order',
    );
    for (const bad of ['limit=0', 'limit=abc', 'limit=5000', 'nach=gibt-es-nicht', 'nach=%3Cscript%3E']) {
      const answer = await fetch(`${server.url}/api/catalog/v1/services?${bad}`);
      assert.equal(answer.status, 200, bad);
      assert.equal(((await answer.json()) as { items: unknown[] }).items.length, all.items.length, `${bad}: the first page`);
    }
  });
});

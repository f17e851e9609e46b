// 1,000 random and hostile posts against every online service: never a server error, and whatever ends up
// stored as a submission passes the definition's own checks.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../support/server.js';
import { Visitor } from '../support/visitor.js';
import { loadDefinitions } from '../../src/modules/forms/library/registry.js';
import { checkAll } from '../../src/modules/forms/validate.js';
import { hennefGeo } from '../../seed/geo.js';
import type { ServiceDefinition } from '../../src/modules/forms/definition.js';
import type { Answers } from '../../src/modules/forms/expressions.js';

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'yes',
    'no',
    'post',
    'email',
    'Frankfurter Str. 9',
    '53773',
    '50.7757, 7.2837',
    '3.1-2026-012345',
    '1980-05-01',
    '2999-12-31',
    '276098106123456',
    'DE89370400440532013000',
    '<script>alert(1)</script>',
    "'; drop table form_submission;--",
    '../../etc/passwd',
    '\u0000',
    '9'.repeat(400),
    'a@b.de',
  ),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

function fieldNames(definition: ServiceDefinition): string[] {
  return definition.steps.flatMap((step) =>
    step.fields.flatMap((field) => {
      if (field.type === 'group') return field.fields.flatMap((inner) => [0, 1, 25].map((index) => `${field.name}.${index}.${inner.name}`));
      if (field.type === 'address') return [`${field.name}.street`, `${field.name}.postalCode`, `${field.name}.city`];
      if (field.type === 'location') return [field.name, `${field.name}.coordinates`];
      return [field.name];
    }),
  );
}

describe('hostile input against the online services', () => {
  let server: TestServer;
  let definitions: Map<string, ServiceDefinition>;
  before(async () => {
    server = await startServer();
    definitions = await loadDefinitions();
  });
  after(() => server.close());

  it('1,000 random posts give no 500 and store only valid submissions', async () => {
    const anonymous = [...definitions.values()].filter((definition) => definition.trustLevel === 'none');
    const visitor = new Visitor(server.url);
    const drafts = new Map<string, string>();
    for (const definition of anonymous) {
      await visitor.get(`/online/${definition.id}`);
      const started = await visitor.post(`/online/${definition.id}`, {});
      drafts.set(definition.id, new URL(started.url).pathname.split('/')[3]!);
    }
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...anonymous),
        fc.nat(),
        fc.dictionary(fc.string({ maxLength: 12 }), hostile, { maxKeys: 4 }),
        fc.array(hostile, { minLength: 12, maxLength: 12 }),
        fc.constantFrom('next', 'back', 'add:dogs', 'remove:dogs:0', 'submit', 'bogus'),
        async (definition, stepPick, extra, randomValues, action) => {
          runs++;
          const draft = drafts.get(definition.id)!;
          const names = fieldNames(definition);
          const fields: Record<string, string> = { ...extra, action };
          names.forEach((name, index) => {
            if (randomValues[index % randomValues.length] !== undefined && (stepPick + index) % 3 !== 0)
              fields[name] = randomValues[index % randomValues.length]!;
          });
          if (action === 'submit') fields.declaration0 = 'yes';
          const step = definition.steps[stepPick % definition.steps.length]!.id;
          await visitor.get(`/online/${definition.id}`);
          const answer = await visitor.post(
            action === 'submit' ? `/online/${definition.id}/${draft}/absenden` : `/online/${definition.id}/${draft}/${step}`,
            fields,
          );
          assert.ok(answer.status < 500, `${answer.status} for ${JSON.stringify(fields)}`);
          if (/\/eingang\//.test(answer.url)) {
            const started = await visitor.post(`/online/${definition.id}`, {});
            drafts.set(definition.id, new URL(started.url).pathname.split('/')[3]!);
          }
        },
      ),
      { numRuns: 1000, seed: 20261122 },
    );
    assert.equal(runs, 1000);
    const stored = (await sql<{ service: string; answers: Answers }>`select service, answers from form_submission`.execute(server.db)).rows;
    for (const row of stored) {
      const definition = definitions.get(row.service)!;
      const { answers, errors } = checkAll(definition, row.answers, { streets: hennefGeo.streets });
      assert.deepEqual(errors, {}, `stored submission of ${row.service} is invalid`);
      assert.deepEqual(answers, row.answers, 'nothing beyond the visible, checked answers is stored');
    }
  });
});

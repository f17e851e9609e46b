// Definitions are checked at start-up, published versions cannot change, and old drafts move to the new version.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { startServer, type TestServer } from '../../../test/support/server.js';
import { DefinitionError, loadDefinitions } from './library/registry.js';
import { publishVersions } from './library/versions.js';
import { migrateDraft, startDraft } from './service.js';
import { saveDraftAnswers } from './repo.js';
import type { ServiceDefinition } from './definition.js';

describe('service definitions', () => {
  let server: TestServer;
  let definitions: Map<string, ServiceDefinition>;
  before(async () => {
    server = await startServer();
    definitions = await loadDefinitions();
  });
  after(() => server.close());

  it('every definition of the installation is valid and names an existing catalog entry', async () => {
    assert.ok(definitions.size >= 9);
    const { rows } = await sql<{ slug: string }>`select slug from catalog_entry where kind = 'service'`.execute(server.db);
    const slugs = new Set(rows.map((row) => row.slug));
    for (const definition of definitions.values()) assert.ok(slugs.has(definition.catalog), `${definition.id} → ${definition.catalog}`);
  });

  it('the Hennef services of the digitalisation concept are all defined, each for an existing unit', async () => {
    const wanted = [
      'meldebescheinigung-einfach',
      'meldebescheinigung-erweitert',
      'melderegisterauskunft-einfach',
      'melderegisterauskunft-erweitert',
      'uebermittlungssperre',
      'lastschriftmandat',
      'untersuchungsberechtigungsschein',
      'steuer-id',
      'hundeanmeldung',
      'hundeabmeldung',
      'personenstandsurkunde',
      'wahlschein',
      'wahlhelfer',
      'kita-anmeldung',
      'aufbruchantrag',
      'verwarnungsgeld-anhoerung',
      'fundsache',
      'sperrmuell',
      'digitales-ehrenamt',
      'ferienbetreuung',
      'hausnummer',
    ];
    assert.deepEqual(
      wanted.filter((id) => !definitions.has(id)),
      [],
    );
    const { rows } = await sql<{
      short_name: string;
    }>`select u.short_name from unit u join tenant t on t.id = u.tenant_id where t.slug = 'hennef'`.execute(server.db);
    const units = new Set(rows.map((row) => row.short_name));
    for (const definition of definitions.values())
      assert.ok(units.has(definition.targetUnit), `${definition.id} → ${definition.targetUnit}`);
  });

  it('a broken definition stops start-up with the file and the path of the error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rathaus-services-'));
    writeFileSync(
      join(dir, 'kaputt.json'),
      JSON.stringify({
        id: 'kaputt',
        catalog: 'x',
        version: 1,
        title: { de: 'K', en: 'K' },
        targetUnit: 'FD 1',
        retentionDays: 10,
        steps: [{ id: 'eins', title: { de: 'E', en: 'E' }, fields: [{ type: 'text', name: 'Bad Name', label: { de: 'L', en: 'L' } }] }],
      }),
    );
    await assert.rejects(
      loadDefinitions(`${dir}/`),
      (error: Error) => error instanceof DefinitionError && /kaputt\.json: steps\.0\.fields\.0/.test(error.message),
    );
  });

  it('a published version cannot change without a new version number', async () => {
    await publishVersions(server.db, definitions);
    const original = definitions.get('wahlhelfer')!;
    const changed = new Map([[original.id, { ...original, title: { de: 'Geändert', en: 'Changed' } }]]);
    await assert.rejects(publishVersions(server.db, changed), /version 1 was published with other content/);
    await publishVersions(server.db, new Map([[original.id, { ...original, version: 2, title: { de: 'Geändert', en: 'Changed' } }]]));
  });

  it('a draft of an older version keeps the answers that still fit the new one', async () => {
    const v1 = definitions.get('wahlhelfer')!;
    const tenantId = (await sql<{ id: string }>`select id from tenant where slug = 'hennef'`.execute(server.db)).rows[0]!.id;
    const draft = await startDraft(server.db, tenantId, v1, { secret: 'migration' });
    await saveDraftAnswers(
      server.db,
      tenantId,
      draft.id,
      { name: 'Eva', email: 'eva@example.org', role: 'chair', experience: 'yes' },
      new Date(Date.now() + 86_400_000),
    );
    const v2: ServiceDefinition = {
      ...v1,
      version: 3,
      steps: v1.steps.map((step) =>
        step.id !== 'wishes'
          ? step
          : {
              ...step,
              fields: step.fields.map((field) =>
                field.name === 'role' && field.type === 'choice'
                  ? { ...field, options: field.options.filter((option) => option.value !== 'chair') }
                  : field,
              ),
            },
      ),
    };
    const migrated = await migrateDraft(
      server.db,
      tenantId,
      { ...draft, answers: { name: 'Eva', email: 'eva@example.org', role: 'chair', experience: 'yes' } },
      v2,
    );
    assert.equal(migrated.version, 3);
    assert.equal(migrated.answers.name, 'Eva');
    assert.equal(migrated.answers.experience, 'yes');
    assert.equal(migrated.answers.role, undefined, 'an option that no longer exists is asked again');
  });
});

// Service packages: a town exports its online-service definitions as one JSON file; another town imports them
// (Einer-für-Alle) and sets its own unit, fee and texts. An import is checked completely first: if one service
// is refused, nothing is stored and the report says why.
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.js';
import type { ServiceDefinition } from '../definition.js';
import { overridesSchema, type LibraryEntry, type ServiceLibrary } from './library.js';
import { DefinitionError, parseDefinition } from './registry.js';
import { findDefinitionVersion, insertDefinitionVersion, saveImportedDefinition, saveOverride } from '../repo.js';
import { checksum } from './versions.js';

export const PACKAGE_FORMAT = 'rathaus-service-package';
export const PACKAGE_MAX_BYTES = 2 * 1024 * 1024;

const packageSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(1),
  publisher: z.string().trim().min(1).max(200),
  exportedAt: z.string().max(40),
  services: z
    .array(z.object({ definition: z.unknown(), publisherSettings: z.record(z.string(), z.unknown()).optional() }))
    .min(1)
    .max(200),
});

export type ServicePackage = z.infer<typeof packageSchema>;
export type ImportOutcome = 'imported' | 'updated' | 'unchanged' | 'needsUnit' | 'refused';
export type ImportLine = { id: string; title?: string; outcome: ImportOutcome; reason?: string };
export type ImportReport = { ok: boolean; problem?: 'json' | 'format'; detail?: string; lines: ImportLine[] };

/** The definitions as published (the same content everywhere), with the exporting town's settings as information. */
export function exportPackage(entries: LibraryEntry[], publisher: string, now = new Date()): ServicePackage {
  return {
    format: PACKAGE_FORMAT,
    formatVersion: 1,
    publisher,
    exportedAt: now.toISOString(),
    services: entries.map((entry) => ({
      definition: entry.base,
      publisherSettings: { targetUnit: entry.effective.targetUnit, fee: entry.effective.fee ?? null },
    })),
  };
}

type Checked = { definition: ServiceDefinition; outcome: ImportOutcome; reason?: string };

async function checkService(db: Db, library: ServiceLibrary, tenantId: string, raw: unknown, index: number): Promise<Checked | ImportLine> {
  const id =
    typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
      ? String((raw as { id: string }).id).slice(0, 80)
      : `#${index + 1}`;
  let definition: ServiceDefinition;
  try {
    definition = parseDefinition(raw, `services.${index}.definition`);
  } catch (error) {
    if (error instanceof DefinitionError) return { id, outcome: 'refused', reason: error.message };
    throw error;
  }
  const current = library.entry(tenantId, definition.id)?.base;
  if (current && current.version > definition.version)
    return { id, title: definition.title.de, outcome: 'refused', reason: `older than version ${current.version} in use` };
  const published = await findDefinitionVersion(db, definition.id, definition.version);
  if (published && published.checksum !== checksum(definition))
    return { id, title: definition.title.de, outcome: 'refused', reason: `version ${definition.version} exists here with other content` };
  if (current && current.version === definition.version) return { definition, outcome: 'unchanged' };
  return { definition, outcome: current ? 'updated' : 'imported' };
}

export async function importPackage(
  db: Db,
  library: ServiceLibrary,
  tenantId: string,
  text: string,
  units: Set<string>,
): Promise<ImportReport> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'json', lines: [] };
  }
  const parsed = packageSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: 'format', detail: `${issue.path.join('.') || '(root)'}: ${issue.message}`, lines: [] };
  }
  const checked = await Promise.all(
    parsed.data.services.map((service, index) => checkService(db, library, tenantId, service.definition, index)),
  );
  const lines: ImportLine[] = checked.map((item) =>
    'definition' in item ? { id: item.definition.id, title: item.definition.title.de, outcome: item.outcome } : item,
  );
  if (lines.some((line) => line.outcome === 'refused')) return { ok: false, lines };
  await db.transaction().execute(async (trx) => {
    for (const [index, item] of checked.entries()) {
      if (!('definition' in item) || item.outcome === 'unchanged') continue;
      const { definition } = item;
      await insertDefinitionVersion(trx, {
        service: definition.id,
        version: definition.version,
        checksum: checksum(definition),
        definition,
      });
      await saveImportedDefinition(trx, {
        tenant_id: tenantId,
        service: definition.id,
        version: definition.version,
        definition,
        publisher: parsed.data.publisher,
      });
      const overrides = library.entry(tenantId, definition.id)?.overrides;
      if (!units.has(overrides?.targetUnit ?? definition.targetUnit)) {
        // The publisher's unit does not exist here: the service stays off until an administrator picks one.
        await saveOverride(trx, tenantId, definition.id, overridesSchema.parse({ ...overrides, active: false }));
        lines[index] = { ...lines[index]!, outcome: 'needsUnit' };
      }
    }
  });
  await library.changed(tenantId);
  return { ok: true, lines };
}

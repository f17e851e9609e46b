// The online services each tenant offers: the installation's definitions (src/services) and those the tenant
// imported from another town's package, each with the tenant's own adjustments (unit, fee, texts, on/off).
// Kept in memory for fast lookups; reloaded after every change here and every 30 s for other instances.
import { allSharedPagesChanged } from '../../../platform/http/shared-page.js';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.js';
import { serviceDefinition, type ServiceDefinition, type Text } from '../definition.js';
import { listImportedDefinitions, listOverrides } from '../repo.js';

const text = z.object({ de: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) });

/** What a tenant may change without touching the definition: the Einer-für-Alle "tenant parts". */
export const overridesSchema = z
  .object({
    active: z.boolean().default(true),
    targetUnit: z.string().min(1).max(40).optional(),
    /** undefined: as defined; null: no fee; a number: this fixed fee in euros. */
    fee: z.number().min(0).max(100_000).nullable().optional(),
    title: text.optional(),
    /** The town's amounts for the definition's rates, by rate name (euros). */
    rates: z.record(z.string(), z.number().min(0).max(100_000)).default({}),
    /** Replacement texts for info blocks, by field name. */
    texts: z.record(z.string(), z.object({ de: z.string().trim().min(1).max(2000), en: z.string().trim().min(1).max(2000) })).default({}),
  })
  .strict();

export type Overrides = z.infer<typeof overridesSchema>;
export type LibraryEntry = {
  base: ServiceDefinition;
  effective: ServiceDefinition;
  publisher?: string;
  overrides: Overrides;
  active: boolean;
};

export function applyOverrides(definition: ServiceDefinition, overrides: Overrides): ServiceDefinition {
  const textOf = (name: string, fallback: Text) => overrides.texts[name] ?? fallback;
  return {
    ...definition,
    title: overrides.title ?? definition.title,
    targetUnit: overrides.targetUnit ?? definition.targetUnit,
    fee: overrides.fee === undefined ? definition.fee : (overrides.fee ?? undefined),
    ...(definition.rates && {
      rates: Object.fromEntries(
        Object.entries(definition.rates).map(([name, rate]) => [name, { ...rate, amount: overrides.rates[name] ?? rate.amount }]),
      ),
    }),
    steps: definition.steps.map((step) => ({
      ...step,
      fields: step.fields.map((field) => (field.type === 'info' ? { ...field, text: textOf(field.name, field.text) } : field)),
    })),
  };
}

export class ServiceLibrary {
  private overrides = new Map<string, Map<string, Overrides>>();
  private imported = new Map<string, Map<string, { definition: ServiceDefinition; publisher: string }>>();
  private cache = new Map<string, LibraryEntry[]>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    readonly installed: Map<string, ServiceDefinition>,
  ) {}

  async load() {
    const [overrideRows, importedRows] = await Promise.all([listOverrides(this.db), listImportedDefinitions(this.db)]);
    const overrides = new Map<string, Map<string, Overrides>>();
    for (const row of overrideRows) {
      const parsed = overridesSchema.safeParse(row.overrides);
      if (parsed.success)
        (overrides.get(row.tenant_id) ?? overrides.set(row.tenant_id, new Map()).get(row.tenant_id)!).set(row.service, parsed.data);
    }
    const imported = new Map<string, Map<string, { definition: ServiceDefinition; publisher: string }>>();
    for (const row of importedRows) {
      const parsed = serviceDefinition.safeParse(row.definition);
      if (parsed.success)
        (imported.get(row.tenant_id) ?? imported.set(row.tenant_id, new Map()).get(row.tenant_id)!).set(row.service, {
          definition: parsed.data,
          publisher: row.publisher,
        });
    }
    this.overrides = overrides;
    this.imported = imported;
    this.cache.clear();
  }

  /** After a change for a tenant: reloaded, and every page visitors share renewed (the online services show on the
   * overview, on service pages and in the catalog). */
  async changed(tenantId: string) {
    await this.load();
    allSharedPagesChanged(tenantId);
  }

  /** Reloads every 30 s so that changes made on another instance arrive; stopped with the app. */
  watch() {
    this.timer = setInterval(() => void this.load().catch(() => undefined), 30_000);
    this.timer.unref();
  }

  stop() {
    clearInterval(this.timer);
  }

  /** Every service of the tenant, active or not, with its adjustments (for the back office). */
  entries(tenantId: string): LibraryEntry[] {
    const cached = this.cache.get(tenantId);
    if (cached) return cached;
    const entries = this.build(tenantId);
    this.cache.set(tenantId, entries);
    return entries;
  }

  private build(tenantId: string): LibraryEntry[] {
    const own = this.imported.get(tenantId) ?? new Map();
    const tenantOverrides = this.overrides.get(tenantId) ?? new Map<string, Overrides>();
    const bases = new Map<string, { definition: ServiceDefinition; publisher?: string }>(
      [...this.installed].map(([id, definition]) => [id, { definition }]),
    );
    for (const [id, entry] of own) bases.set(id, entry);
    return [...bases.values()].map(({ definition, publisher }) => {
      const overrides = tenantOverrides.get(definition.id) ?? overridesSchema.parse({});
      return { base: definition, effective: applyOverrides(definition, overrides), publisher, overrides, active: overrides.active };
    });
  }

  entry(tenantId: string, id: string): LibraryEntry | undefined {
    return this.entries(tenantId).find((entry) => entry.base.id === id);
  }

  /** The services citizens of the tenant can use, as they see them. */
  active(tenantId: string): Map<string, ServiceDefinition> {
    return new Map(
      this.entries(tenantId)
        .filter((entry) => entry.active)
        .map((entry) => [entry.base.id, entry.effective]),
    );
  }
}

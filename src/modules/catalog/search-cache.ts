// Search results are cached per process: people search for the same few things ("perso", "hund", "sperrmüll"),
// and the catalog changes rarely. A publish in this process clears its tenant's results at once; other
// processes notice within the time-to-live.
import { sharedPagesChanged } from '../../platform/http/shared-page.js';

const TTL_MS = 60_000;
const MAX_ENTRIES = 2_000;

type Cached<T> = { value: T; generation: number; expires: number };

const generations = new Map<string, number>();
const results = new Map<string, Cached<unknown>>();

/** The shared renderings of the public catalog pages (platform/http/shared-page.ts). */
export const CATALOG_PAGES = 'catalog';

/** Called whenever a tenant's published catalog changes: its search results and its shared pages are renewed. */
export function catalogChanged(tenantId: string) {
  generations.set(tenantId, (generations.get(tenantId) ?? 0) + 1);
  sharedPagesChanged(tenantId, CATALOG_PAGES);
}

export async function cached<T>(tenantId: string, key: string, compute: () => Promise<T>): Promise<T> {
  const fullKey = `${tenantId}\u0000${key}`;
  const generation = generations.get(tenantId) ?? 0;
  const hit = results.get(fullKey) as Cached<T> | undefined;
  if (hit && hit.generation === generation && hit.expires > Date.now()) return hit.value;
  const value = await compute();
  if (results.size >= MAX_ENTRIES) results.delete(results.keys().next().value!);
  results.set(fullKey, { value, generation, expires: Date.now() + TTL_MS });
  return value;
}

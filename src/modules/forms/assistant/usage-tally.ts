// Openings of an online service's start page are counted in memory and written every few seconds as one upsert per
// service and day, so that a page many people open does not write to the database on every view.
import type { Db } from '../../../platform/db/database.js';
import { countUsage } from '../repo.js';

const FLUSH_MS = 5_000;

export function usageTally(db: Db) {
  const pending = new Map<string, { tenantId: string; service: string; count: number }>();
  let timer: NodeJS.Timeout | undefined;

  async function flush() {
    timer = undefined;
    const batch = [...pending.values()];
    pending.clear();
    for (const entry of batch) await countUsage(db, entry.tenantId, entry.service, 'opened', entry.count);
  }

  return {
    opened(tenantId: string, service: string) {
      const key = `${tenantId}\n${service}`;
      const entry = pending.get(key) ?? { tenantId, service, count: 0 };
      entry.count += 1;
      pending.set(key, entry);
      timer ??= setTimeout(() => void flush().catch(() => undefined), FLUSH_MS).unref();
    },
    /** Writes what is counted so far (on shutdown, and for the figures page). */
    async flush() {
      if (timer) clearTimeout(timer);
      await flush();
    },
  };
}
export type UsageTally = ReturnType<typeof usageTally>;

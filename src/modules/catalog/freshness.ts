// The freshness control: which entries are overdue for review, refer to offices or contacts that no longer
// exist, or link to pages that do not answer. Feeds the overview page and the monthly mail to unit leads.
import type { Db } from '../../platform/db/database.js';
import { listEntries, type EntryOverview } from './repo.js';
import type { ContactContent, ServiceContent } from './schema.js';

export type Problem =
  | { kind: 'never' }
  | { kind: 'overdue'; since: Date }
  | { kind: 'missing'; ref: string }
  | { kind: 'link'; url: string };

export type FreshnessItem = { entry: EntryOverview; problems: Problem[] };

export function reviewDue(entry: Pick<EntryOverview, 'last_reviewed_at' | 'review_months'>): Date | undefined {
  if (!entry.last_reviewed_at) return undefined;
  const due = new Date(entry.last_reviewed_at);
  due.setMonth(due.getMonth() + entry.review_months);
  return due;
}

function references(entry: EntryOverview): { ref: string; kind: 'office' | 'contact' }[] {
  if (!entry.published) return [];
  if (entry.kind === 'contact') {
    const office = (entry.published as ContactContent).office;
    return office ? [{ ref: office, kind: 'office' }] : [];
  }
  if (entry.kind !== 'service') return [];
  return (entry.published as ServiceContent).responsibilities.flatMap((item) => [
    ...(item.office ? [{ ref: item.office, kind: 'office' as const }] : []),
    ...(item.contact ? [{ ref: item.contact, kind: 'contact' as const }] : []),
  ]);
}

function externalLinks(entry: EntryOverview): string[] {
  if (entry.kind !== 'service' || !entry.published) return [];
  const service = entry.published as ServiceContent;
  return [...service.legalBases, ...service.forms]
    .map((link) => link.url)
    .concat(service.onlineService?.url, service.elsewhere?.url)
    .filter((url): url is string => Boolean(url?.startsWith('http')));
}

async function unreachable(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(5000) });
    return response.status >= 400 && response.status !== 405;
  } catch {
    return true;
  }
}

export async function freshnessReport(
  db: Db,
  tenantId: string,
  now: Date,
  options: { checkLinks: boolean },
): Promise<{ entries: EntryOverview[]; items: FreshnessItem[] }> {
  const entries = (await listEntries(db, tenantId, {})).filter((entry) => entry.published);
  const existing = new Set(entries.map((entry) => `${entry.kind}:${entry.slug}`));
  const items: FreshnessItem[] = [];
  for (const entry of entries) {
    const problems: Problem[] = [];
    const due = reviewDue(entry);
    if (!due) problems.push({ kind: 'never' });
    else if (due < now) problems.push({ kind: 'overdue', since: due });
    for (const reference of references(entry))
      if (!existing.has(`${reference.kind}:${reference.ref}`)) problems.push({ kind: 'missing', ref: reference.ref });
    if (options.checkLinks) for (const url of externalLinks(entry)) if (await unreachable(url)) problems.push({ kind: 'link', url });
    if (problems.length > 0) items.push({ entry, problems });
  }
  return { entries, items };
}

export type UnitFreshness = { unitId: string; total: number; overdue: number; problems: number };

export function byUnit(entries: EntryOverview[], items: FreshnessItem[]): UnitFreshness[] {
  const rows = new Map<string, UnitFreshness>();
  for (const entry of entries) {
    const unitId = entry.unit_id ?? '';
    const row = rows.get(unitId) ?? { unitId, total: 0, overdue: 0, problems: 0 };
    row.total++;
    rows.set(unitId, row);
  }
  for (const item of items) {
    const row = rows.get(item.entry.unit_id ?? '')!;
    if (item.problems.some((problem) => problem.kind === 'overdue' || problem.kind === 'never')) row.overdue++;
    if (item.problems.some((problem) => problem.kind === 'missing' || problem.kind === 'link')) row.problems++;
  }
  return [...rows.values()];
}

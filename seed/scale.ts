// Years of a town's data for measuring: clones of the rows the app itself created (reports, cases with their
// history, published services with their search columns, audit entries sealed by the database's own trigger), so
// every derived column is as the app writes it. Dates spread over five years; numbers and addresses stay unique.
// `rathaus seed --scale S1|S2|S3` and bench/scale use it; the demo never does.
import { sql } from 'kysely';
import type { Db } from '../src/platform/db/database.js';
import { canonicalJson } from '../src/platform/audit/audit-log.js';

export const SCALES = {
  S1: { reports: 100, cases: 200, services: 89, audit: 1_000 },
  S2: { reports: 10_000, cases: 20_000, services: 1_000, audit: 100_000 },
  S3: { reports: 100_000, cases: 200_000, services: 10_000, audit: 1_000_000 },
} as const;
export type Scale = keyof typeof SCALES;

const FIVE_YEARS = "interval '1826 days'";

async function columnsOf(db: Db, table: string): Promise<string[]> {
  const rows = await sql<{ column_name: string }>`select column_name from information_schema.columns
    where table_name = ${table} and table_schema = current_schema() order by ordinal_position`.execute(db);
  return rows.rows.map((row) => row.column_name);
}

/** Copies `source` rows of a table `times` times; `overrides` give the expression for a column (`s.` is the source
 * row, `g` the copy number); the other columns are copied as they are. */
async function cloneRows(db: Db, table: string, where: string, times: number, overrides: Record<string, string>) {
  if (times <= 0) return;
  const columns = (await columnsOf(db, table)).filter((column) => column !== 'id' || 'id' in overrides);
  const values = columns.map((column) => overrides[column] ?? `s.${column}`);
  await sql
    .raw(
      `insert into ${table} (${columns.join(', ')}) select ${values.join(', ')} from ${table} s cross join generate_series(1, ${times}) g where ${where}`,
    )
    .execute(db);
}

const count = async (db: Db, query: string) => Number((await sql<{ n: number }>`${sql.raw(query)}`.execute(db)).rows[0]!.n);

/** Grows the tenant's reports to `target` by cloning the existing ones. */
export async function growReports(db: Db, tenantId: string, target: number) {
  const have = await count(db, `select count(*)::int as n from report where tenant_id = '${tenantId}'`);
  const where = `s.tenant_id = '${tenantId}' and s.number not like '%-x%'`;
  const sources = await count(db, `select count(*)::int as n from report s where ${where}`);
  if (sources === 0 || have >= target) return;
  await cloneRows(db, 'report', where, Math.ceil((target - have) / sources), {
    id: 'gen_random_uuid()',
    number: `s.number || '-x${target}-' || g`,
    created_at: `now() - random() * ${FIVE_YEARS}`,
    updated_at: 'now()',
    lat: 's.lat + (random() - 0.5) / 50',
    lng: 's.lng + (random() - 0.5) / 50',
    supporters: '0',
  });
  // A closed copy was closed a few days after its own (new) report date.
  await sql`update report set closed_at = created_at + random() * interval '20 days' where tenant_id = ${tenantId} and closed_at is not null and number like '%-x%'`.execute(
    db,
  );
}

/** Grows the tenant's cases (with their events) to `target`, in one transaction (the id map is a temporary table
 * of its connection). */
export function growCases(db: Db, tenantId: string, target: number) {
  return db.transaction().execute((trx) => growCasesIn(trx, tenantId, target));
}

async function growCasesIn(db: Db, tenantId: string, target: number) {
  const have = await count(db, `select count(*)::int as n from case_record where tenant_id = '${tenantId}'`);
  const sources = await count(
    db,
    `select count(*)::int as n from case_record where tenant_id = '${tenantId}' and source_id not like '%-x%'`,
  );
  if (sources === 0 || have >= target) return;
  const times = Math.ceil((target - have) / sources);
  await sql
    .raw(`create temp table scale_case_map on commit drop as select c.id as old_id, gen_random_uuid() as new_id, g,
      now() - random() * ${FIVE_YEARS} as created from case_record c cross join generate_series(1, ${times}) g
      where c.tenant_id = '${tenantId}' and c.source_id not like '%-x%'`)
    .execute(db);
  const caseColumns = await columnsOf(db, 'case_record');
  const caseValues = caseColumns.map(
    (column) =>
      ({
        id: 'm.new_id',
        number: `s.number || '-x${target}-' || m.g`,
        source_id: `s.source_id || '-x${target}-' || m.g`,
        created_at: 'm.created',
        updated_at: 'm.created',
        due_at: `m.created + (s.due_at - s.created_at)`,
      })[column] ?? `s.${column}`,
  );
  await sql
    .raw(
      `insert into case_record (${caseColumns.join(', ')}) select ${caseValues.join(', ')} from scale_case_map m join case_record s on s.id = m.old_id`,
    )
    .execute(db);
  const eventColumns = (await columnsOf(db, 'case_event')).filter((column) => column !== 'id');
  const eventValues = eventColumns.map(
    (column) => ({ case_id: 'm.new_id', at: `m.created + (s.at - c.created_at)` })[column] ?? `s.${column}`,
  );
  await sql
    .raw(
      `insert into case_event (${eventColumns.join(', ')}) select ${eventValues.join(', ')} from scale_case_map m
        join case_event s on s.case_id = m.old_id join case_record c on c.id = m.old_id`,
    )
    .execute(db);
}

/** Grows the tenant's published services to `target`: copies with their own name, address and search columns. */
async function growServices(db: Db, tenantId: string, target: number) {
  const where = `s.tenant_id = '${tenantId}' and s.kind = 'service' and s.published is not null and s.slug not like '%-x%'`;
  const have = await count(
    db,
    `select count(*)::int as n from catalog_entry where tenant_id = '${tenantId}' and kind = 'service' and published is not null`,
  );
  const sources = await count(db, `select count(*)::int as n from catalog_entry s where ${where}`);
  if (sources === 0 || have >= target) return;
  const copy = `' (' || g || '/${target})'`;
  await cloneRows(db, 'catalog_entry', where, Math.ceil((target - have) / sources), {
    id: 'gen_random_uuid()',
    slug: `s.slug || '-x${target}-' || g`,
    name: `s.name || ${copy}`,
    published: `jsonb_set(s.published, '{name}', to_jsonb(s.name || ${copy}))`,
  });
}

/** Adds audit entries until the log has `target`, in batches, each sealed into the chain at commit as the app's are. */
async function growAudit(db: Db, tenantId: string, target: number) {
  let have = await count(db, 'select count(*)::int as n from audit_log');
  const BATCH = 5_000;
  while (have < target) {
    const size = Math.min(BATCH, target - have);
    const rows = Array.from({ length: size }, (_, index) => {
      const row = {
        tenant_id: tenantId,
        at: new Date(Date.now() - (target - have - index) * 60_000),
        actor_id: null,
        actor_label: 'system',
        action: index % 3 === 0 ? 'case.status_changed' : index % 3 === 1 ? 'report.viewed' : 'catalog.published',
        object_type: 'scale',
        object_id: `scale-${have + index}`,
        summary: { batch: have },
        request_id: null,
      };
      return { ...row, summary: JSON.stringify(row.summary), chain_body: canonicalJson({ ...row, at: row.at.toISOString() }) };
    });
    await db.transaction().execute((trx) => trx.insertInto('audit_log').values(rows).execute());
    have += size;
  }
}

/** Grows the tenant's data to the scale; what is there already counts. It clones the demo's history (reports,
 * cases), so run it on a demo that has been started once (`npm start` seeds the history). */
export async function growToScale(db: Db, tenantSlug: string, scale: Scale, progress: (step: string) => void = () => {}) {
  const tenant = (await sql<{ id: string }>`select id from tenant where slug = ${tenantSlug}`.execute(db)).rows[0];
  if (!tenant) throw new Error(`no tenant ${tenantSlug}`);
  const size = SCALES[scale];
  progress(`reports → ${size.reports}`);
  await growReports(db, tenant.id, size.reports);
  progress(`cases → ${size.cases}`);
  await growCases(db, tenant.id, size.cases);
  progress(`services → ${size.services}`);
  await growServices(db, tenant.id, size.services);
  progress(`audit entries → ${size.audit}`);
  await growAudit(db, tenant.id, size.audit);
  await sql`analyze`.execute(db);
}

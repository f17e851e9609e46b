// The only code that touches the forms tables. Every query is filtered by tenant.
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Answers } from './expressions.js';
import type { FormsTables } from './tables.js';

const forms = (db: Db) => db.withTables<FormsTables>();

export type DraftRow = Selectable<FormsTables['form_draft']>;
export type SubmissionRow = Selectable<FormsTables['form_submission']>;
export type UsageColumn = 'opened' | 'started' | 'submitted' | 'paid';

export function insertDraft(
  db: Db,
  values: {
    tenant_id: string;
    service: string;
    version: number;
    user_id: string | null;
    owner_secret_hash: string | null;
    expires_at: Date;
  },
) {
  return forms(db)
    .insertInto('form_draft')
    .values({ ...values, answers: '{}', resume_token_hash: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findDraft(db: Db, tenantId: string, id: string) {
  return forms(db)
    .selectFrom('form_draft')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
}

export function saveDraftAnswers(db: Db, tenantId: string, id: string, answers: Answers, expiresAt: Date) {
  return forms(db)
    .updateTable('form_draft')
    .set({ answers: JSON.stringify(answers), updated_at: new Date(), expires_at: expiresAt })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export function updateDraftVersion(db: Db, tenantId: string, id: string, version: number, answers: Answers, expiresAt: Date) {
  return forms(db)
    .updateTable('form_draft')
    .set({ version, answers: JSON.stringify(answers), updated_at: new Date(), expires_at: expiresAt })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export function setResumeToken(db: Db, tenantId: string, id: string, tokenHash: string) {
  return forms(db)
    .updateTable('form_draft')
    .set({ resume_token_hash: tokenHash })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** Uses a resume link once: the draft moves to the browser that opened it and the link stops working. */
export function claimByResumeToken(db: Db, tenantId: string, tokenHash: string, ownerSecretHash: string) {
  return forms(db)
    .updateTable('form_draft')
    .set({ resume_token_hash: null, owner_secret_hash: ownerSecretHash, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('resume_token_hash', '=', tokenHash)
    .where('user_id', 'is', null)
    .where('expires_at', '>', new Date())
    .returningAll()
    .executeTakeFirst();
}

export function deleteDraft(db: Db, tenantId: string, id: string) {
  return forms(db).deleteFrom('form_draft').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export function listDraftsOf(db: Db, tenantId: string, userId: string) {
  return forms(db)
    .selectFrom('form_draft')
    .select(['id', 'service', 'updated_at', 'expires_at'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('expires_at', '>', new Date())
    .orderBy('updated_at', 'desc')
    .execute();
}

export function listSubmissionsOf(db: Db, tenantId: string, userId: string, limit = 50) {
  return forms(db)
    .selectFrom('form_submission')
    .select(['id', 'number', 'service', 'submitted_at', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .orderBy('submitted_at', 'desc')
    .limit(limit)
    .execute();
}

export function deleteExpiredDrafts(db: Db) {
  return forms(db).deleteFrom('form_draft').where('expires_at', '<=', new Date()).executeTakeFirst();
}

/** Stores a submission; its number ("2026-000042": unique, may have gaps) is drawn from the sequence in the same statement. */
export function insertSubmission(
  db: Db,
  values: Omit<SubmissionRow, 'id' | 'submitted_at' | 'answers' | 'number'> & { answers: Answers; year: number },
) {
  const { year, ...row } = values;
  const number = sql<string>`(select ${String(year)} || '-' || lpad(n::text, greatest(6, length(n::text)), '0') from nextval('form_submission_number_seq') as n)`;
  return forms(db)
    .insertInto('form_submission')
    .values({ ...row, number, answers: JSON.stringify(values.answers) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Marks a submission waiting for its payment as received; undefined when it was not waiting (paid twice). */
export function markReceived(db: Db, tenantId: string, id: string) {
  return forms(db)
    .updateTable('form_submission')
    .set({ status: 'received' })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'payment_pending')
    .returningAll()
    .executeTakeFirst();
}

/** A notice was issued: the submission is decided (only from received; returns undefined otherwise). */
export function markDecided(db: Db, tenantId: string, id: string) {
  return forms(db)
    .updateTable('form_submission')
    .set({ status: 'decided' })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'received')
    .returningAll()
    .executeTakeFirst();
}

export function findSubmission(db: Db, tenantId: string, id: string) {
  return forms(db).selectFrom('form_submission').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function findSubmissionOfDraft(db: Db, tenantId: string, draftId: string) {
  return forms(db)
    .selectFrom('form_submission')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('draft_id', '=', draftId)
    .executeTakeFirst();
}

export function listSubmissionsForUnits(db: Db, tenantId: string, units: string[], limit = 100) {
  if (units.length === 0) return Promise.resolve([]);
  return forms(db)
    .selectFrom('form_submission')
    .select(['id', 'number', 'service', 'submitted_at', 'target_unit', 'trust_level', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('target_unit', 'in', units)
    .orderBy('submitted_at', 'desc')
    .limit(limit)
    .execute();
}

export async function countUsage(db: Db, tenantId: string, service: string, column: UsageColumn, count = 1) {
  const day = new Date().toISOString().slice(0, 10);
  await forms(db)
    .insertInto('form_usage')
    .values({ tenant_id: tenantId, service, day, [column]: count })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'service', 'day']).doUpdateSet({ [column]: sql`form_usage.${sql.ref(column)} + ${count}` }),
    )
    .execute();
}

export function usageTotals(db: Db, tenantId: string) {
  return forms(db)
    .selectFrom('form_usage')
    .select([
      'service',
      sql<number>`sum(opened)::int`.as('opened'),
      sql<number>`sum(started)::int`.as('started'),
      sql<number>`sum(submitted)::int`.as('submitted'),
      sql<number>`sum(paid)::int`.as('paid'),
    ])
    .where('tenant_id', '=', tenantId)
    .groupBy('service')
    .orderBy('service')
    .execute();
}

export function findDefinitionVersion(db: Db, service: string, version: number) {
  return forms(db)
    .selectFrom('form_definition')
    .selectAll()
    .where('service', '=', service)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function insertDefinitionVersion(db: Db, values: { service: string; version: number; checksum: string; definition: unknown }) {
  return forms(db)
    .insertInto('form_definition')
    .values({ ...values, definition: JSON.stringify(values.definition) })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function listOverrides(db: Db) {
  return forms(db).selectFrom('form_tenant_override').select(['tenant_id', 'service', 'overrides']).execute();
}

export function saveOverride(db: Db, tenantId: string, service: string, overrides: unknown) {
  const json = JSON.stringify(overrides);
  return forms(db)
    .insertInto('form_tenant_override')
    .values({ tenant_id: tenantId, service, overrides: json })
    .onConflict((oc) => oc.columns(['tenant_id', 'service']).doUpdateSet({ overrides: json, updated_at: new Date() }))
    .execute();
}

export function listImportedDefinitions(db: Db) {
  return forms(db).selectFrom('form_imported_definition').select(['tenant_id', 'service', 'version', 'definition', 'publisher']).execute();
}

export function saveImportedDefinition(
  db: Db,
  values: { tenant_id: string; service: string; version: number; definition: unknown; publisher: string },
) {
  const json = JSON.stringify(values.definition);
  return forms(db)
    .insertInto('form_imported_definition')
    .values({ ...values, definition: json })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'service'])
        .doUpdateSet({ version: values.version, definition: json, publisher: values.publisher, imported_at: new Date() }),
    )
    .execute();
}

export function listDefinitionVersions(db: Db, service: string) {
  return forms(db)
    .selectFrom('form_definition')
    .select(['version', 'published_at', 'definition'])
    .where('service', '=', service)
    .orderBy('version', 'desc')
    .execute();
}

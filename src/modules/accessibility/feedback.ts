// Feedback on a barrier: stored, opened as a case of the unit the statement names, and audited, in one transaction.
import { sql } from 'kysely';
import { inTransaction, type Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/audit-log.js';
import { openCase } from '../cases/index.js';
import type { AccessibilityTables } from './tables.js';
import { isEmail } from '../../platform/validation/rules.js';

const feedbackTable = (db: Db) => db.withTables<AccessibilityTables>();

export type Feedback = { page: string; description: string; email: string };
export type FeedbackErrors = Partial<Record<keyof Feedback, 'tooShort' | 'badEmail'>>;

export function checkFeedback(input: Feedback): FeedbackErrors {
  const errors: FeedbackErrors = {};
  if (input.description.trim().length < 10) errors.description = 'tooShort';
  if (input.email.trim() && !isEmail(input.email.trim())) errors.email = 'badEmail';
  return errors;
}

export async function receiveFeedback(
  db: Db,
  tenantId: string,
  unit: string,
  input: Feedback,
  title: string,
  requestId: string,
): Promise<string> {
  return inTransaction(db, async (trx) => {
    const year = new Date().getFullYear();
    // Two messages at the same moment must not draw the same number (which would end in a unique-key error).
    await sql`select pg_advisory_xact_lock(hashtext(${`accessibility-feedback:${tenantId}`}))`.execute(trx);
    const { count } = await feedbackTable(trx)
      .selectFrom('accessibility_feedback')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow();
    const number = `BF-${year}-${String(Number(count) + 1).padStart(4, '0')}`;
    const row = await feedbackTable(trx)
      .insertInto('accessibility_feedback')
      .values({
        tenant_id: tenantId,
        number,
        page: input.page.trim().slice(0, 300),
        description: input.description.trim().slice(0, 4000),
        email: input.email.trim().slice(0, 200) || null,
      })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
    await openCase(trx, {
      tenantId,
      source: { kind: 'accessibility', id: row.id },
      number: row.number,
      service: 'barrierefreiheit',
      title,
      unit,
      processingDays: 14,
      searchText: input.description,
    });
    await recordAudit(trx, {
      tenantId,
      actorId: null,
      actorLabel: 'anonymous',
      action: 'accessibility.feedback_received',
      objectType: 'accessibility_feedback',
      objectId: row.id,
      summary: { number: row.number },
      requestId,
    });
    return row.number;
  });
}

export function findFeedback(db: Db, tenantId: string, id: string) {
  return feedbackTable(db)
    .selectFrom('accessibility_feedback')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

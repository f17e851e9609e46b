// Row types of the forms tables, as Kysely sees them.
import type { ColumnType, Generated } from 'kysely';
import type { Answers } from './expressions.js';

type Json<T> = ColumnType<T, string, string>;
export type SubmissionStatus = 'payment_pending' | 'received' | 'decided';

export type FormsTables = {
  form_definition: { service: string; version: number; checksum: string; definition: Json<unknown>; published_at: Generated<Date> };
  form_draft: {
    id: Generated<string>;
    tenant_id: string;
    service: string;
    version: number;
    user_id: string | null;
    owner_secret_hash: string | null;
    answers: Json<Answers>;
    resume_token_hash: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    expires_at: ColumnType<Date, Date, Date>;
  };
  form_submission: {
    id: Generated<string>;
    tenant_id: string;
    number: string;
    service: string;
    version: number;
    draft_id: string;
    user_id: string | null;
    owner_secret_hash: string | null;
    trust_level: string | null;
    answers: Json<Answers>;
    fee_cents: number | null;
    target_unit: string;
    status: ColumnType<SubmissionStatus, SubmissionStatus | undefined, SubmissionStatus>;
    submitted_at: Generated<Date>;
    delete_after: ColumnType<string, string, string>;
  };
  form_tenant_override: { tenant_id: string; service: string; overrides: Json<unknown>; updated_at: Generated<Date> };
  form_imported_definition: {
    tenant_id: string;
    service: string;
    version: number;
    definition: Json<unknown>;
    publisher: string;
    imported_at: Generated<Date>;
  };
  form_usage: {
    tenant_id: string;
    service: string;
    day: string;
    opened: Generated<number>;
    started: Generated<number>;
    submitted: Generated<number>;
    paid: Generated<number>;
  };
};

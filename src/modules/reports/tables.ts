// Row types of the reports tables, as Kysely sees them.
import type { ColumnType, Generated } from 'kysely';

export const REPORT_STATUSES = ['new', 'in_progress', 'fixed', 'closed', 'not_responsible', 'duplicate'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** States in which the town still works on a report: the only ones that can be supported. */
export const OPEN_REPORT_STATUSES: readonly ReportStatus[] = ['new', 'in_progress'];

/** An extra question of a category; its code is the Open311 attribute code. */
export type CategoryQuestion = {
  code: string;
  de: string;
  en: string;
  datatype: 'string' | 'text' | 'number' | 'singlevaluelist';
  required: boolean;
  values?: { key: string; de: string; en: string }[];
};

export type ReportsTables = {
  open311_client: {
    id: Generated<string>;
    tenant_id: string;
    name: string;
    key_hash: string;
    created_at: Generated<Date>;
    revoked_at: Date | null;
  };
  report_support: { tenant_id: string; report_id: string; email: string | null; created_at: Generated<Date> };
  report_photo: { report_id: string; position: number; file_id: string; public: Generated<boolean> };
  report_category: {
    tenant_id: string;
    code: string;
    parent_code: string | null;
    name_de: string;
    name_en: string;
    unit: string;
    target_days: number;
    position: number;
    active: Generated<boolean>;
    questions: ColumnType<CategoryQuestion[], string | undefined, string>;
  };
  report: {
    id: Generated<string>;
    tenant_id: string;
    number: string;
    category_code: string;
    status: Generated<ReportStatus>;
    lat: number;
    lng: number;
    address: string | null;
    address_note: string | null;
    address_approximate: Generated<boolean>;
    description: string;
    reporter_name: string | null;
    reporter_email: string | null;
    user_id: string | null;
    key_hash: string;
    supporters: Generated<number>;
    public_answer: string | null;
    public_description: string | null;
    answers: ColumnType<Record<string, string>, string | undefined, string>;
    media_url: string | null;
    open311_client_id: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    /** The village nearest to the report's place (from the town's localities), when the town has any. */
    locality: ColumnType<string | null, string | null | undefined, string | null>;
    /** When the report was first closed (any final status). */
    closed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  };
};

// Row types of the cases tables, as Kysely sees them.
import type { ColumnType, Generated } from 'kysely';
import type { Phase } from './workflow.js';

export type CasesTables = {
  case_record: {
    id: Generated<string>;
    tenant_id: string;
    number: string;
    source_kind: string;
    source_id: string;
    service: string;
    title: string;
    unit: string;
    /** The state in the case's workflow; `phase` says what kind of state it is. */
    status: string;
    phase: Phase;
    workflow_id: string | null;
    assignee_id: string | null;
    due_at: Date;
    waiting_since: Date | null;
    version: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    closed_at: Date | null;
    /** Set while the assignee holds the case as deputy for this (absent) clerk. */
    deputy_for: ColumnType<string | null, string | null | undefined, string | null>;
    search_vector: ColumnType<string | null, never, never>;
  };
  case_event: {
    id: Generated<number>;
    tenant_id: string;
    case_id: string;
    at: Generated<Date>;
    actor_id: string | null;
    actor_label: string;
    kind: string;
    from_status: string | null;
    to_status: string | null;
    to_phase: string | null;
    detail: ColumnType<Record<string, unknown>, string, string>;
  };
  case_absence: { tenant_id: string; user_id: string; deputy_id: string; since: Generated<Date> };
  case_escalation: { tenant_id: string; case_id: string; level: number; at: Generated<Date> };
  case_workflow: { id: string; definition: ColumnType<unknown, string, never>; created_at: Generated<Date> };
  case_link: { tenant_id: string; case_a: string; case_b: string; created_by: string; created_at: Generated<Date> };
};

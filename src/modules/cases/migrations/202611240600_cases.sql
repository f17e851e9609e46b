-- Cases: every received submission (later also defect reports and messages) becomes a case in its unit's
-- inbox, with a status from its workflow, an assignee, a due date and a history of every event. `version`
-- guards against two clerks changing the same case at once (optimistic locking).
create table case_record (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenant(id) on delete cascade,
  number text not null,
  source_kind text not null,
  source_id text not null,
  service text not null,
  title text not null,
  unit text not null,
  status text not null default 'received',
  assignee_id uuid references app_user(id) on delete set null,
  due_at timestamptz not null,
  waiting_since timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  closed_at timestamptz,
  unique (tenant_id, source_kind, source_id)
);
create index case_record_inbox_idx on case_record (tenant_id, unit, status, due_at);
create index case_record_assignee_idx on case_record (tenant_id, assignee_id, status);

create table case_event (
  id bigserial primary key,
  case_id uuid not null references case_record(id) on delete cascade,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_label text not null,
  kind text not null,
  from_status text,
  to_status text,
  detail jsonb not null default '{}'
);
create index case_event_case_idx on case_event (case_id, id);

-- One row per case and escalation level: the primary key makes a second escalation impossible, whichever
-- process tries.
create table case_escalation (
  case_id uuid not null references case_record(id) on delete cascade,
  level integer not null,
  at timestamptz not null default now(),
  primary key (case_id, level)
);

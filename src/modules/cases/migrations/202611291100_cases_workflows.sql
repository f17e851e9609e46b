-- Workflows per service: a case follows the workflow it was opened with, stored once by its content hash (a new
-- definition version with a changed workflow does not strand older cases). No workflow = the default one.
-- `phase` classifies the workflow-specific status for the inbox views, deadlines and figures.
create table case_workflow (
  id text primary key,
  definition jsonb not null,
  created_at timestamptz not null default now()
);
alter table case_record add column workflow_id text references case_workflow(id);
alter table case_record add column phase text not null default 'received' check (phase in ('received', 'open', 'waiting', 'decided', 'closed'));
update case_record set phase = case status when 'received' then 'received' when 'in_progress' then 'open' when 'waiting' then 'waiting' when 'decided' then 'decided' else 'closed' end;
drop index case_record_inbox_idx;
create index case_record_inbox_idx on case_record (tenant_id, unit, phase, due_at);
drop index case_record_assignee_idx;
create index case_record_assignee_idx on case_record (tenant_id, assignee_id, phase);
create index case_record_created_idx on case_record (tenant_id, unit, created_at);

alter table case_event add column to_phase text;
update case_event set to_phase = case to_status when 'received' then 'received' when 'in_progress' then 'open' when 'waiting' then 'waiting' when 'decided' then 'decided' else 'closed' end where to_status is not null;

-- Full-text search over the case data (the answers as the source module describes them), German stemming.
alter table case_record add column search_vector tsvector;
create index case_record_search_idx on case_record using gin (search_vector);

-- Linked cases (e.g. the dog registration and the later deregistration, or two reports of one problem): one row
-- per pair, stored with the smaller id first, so a link exists once whichever side made it.
create table case_link (
  tenant_id uuid not null references tenant(id) on delete cascade,
  case_a uuid not null references case_record(id) on delete cascade,
  case_b uuid not null references case_record(id) on delete cascade,
  created_by text not null,
  created_at timestamptz not null default now(),
  primary key (case_a, case_b),
  check (case_a < case_b)
);
create index case_link_b_idx on case_link (case_b);

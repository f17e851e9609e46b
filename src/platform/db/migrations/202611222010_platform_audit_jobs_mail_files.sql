-- Audit log (append-only, hash-chained), durable job queue, mail outbox and stored files.
create table audit_log (
  seq bigserial primary key,
  tenant_id uuid references tenant(id),
  at timestamptz not null,
  actor_id uuid,
  actor_label text not null,
  action text not null,
  object_type text not null,
  object_id text,
  summary jsonb not null default '{}',
  request_id text,
  prev_hash text not null,
  hash text not null unique
);
create index audit_log_tenant_idx on audit_log (tenant_id, at desc);

create table job (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid references tenant(id) on delete cascade,
  name text not null,
  payload jsonb not null default '{}',
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  attempts integer not null default 0,
  max_attempts integer not null default 5,
  run_at timestamptz not null default now(),
  locked_at timestamptz,
  locked_by text,
  last_error text,
  dedupe_key text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index job_due_idx on job (status, run_at);
create unique index job_dedupe_idx on job (dedupe_key) where dedupe_key is not null;

create table job_schedule (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid references tenant(id) on delete cascade,
  job_name text not null,
  cron text not null,
  payload jsonb not null default '{}',
  next_run_at timestamptz not null
);
create unique index job_schedule_idx on job_schedule (coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid), job_name);

create table mail_message (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenant(id) on delete cascade,
  recipient text not null,
  subject text not null,
  body_text text not null,
  status text not null default 'queued' check (status in ('queued', 'sent', 'captured', 'failed')),
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index mail_message_tenant_idx on mail_message (tenant_id, created_at desc);

create table stored_file (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenant(id) on delete cascade,
  content_hash text not null,
  size_bytes bigint not null,
  media_type text not null,
  original_name text not null,
  created_at timestamptz not null default now()
);
create index stored_file_tenant_idx on stored_file (tenant_id, content_hash);

-- Online services: drafts while a citizen fills in the assistant, submissions once sent, and usage counts.
create table form_draft (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenant(id) on delete cascade,
  service text not null,
  version integer not null,
  user_id uuid references app_user(id) on delete cascade,
  -- Anonymous drafts are bound to a secret in the browser's cookie; only its hash is stored.
  owner_secret_hash text,
  answers jsonb not null default '{}',
  -- A one-time link to resume the draft in another browser, sent to the e-mail address the citizen gave.
  resume_token_hash text unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  expires_at timestamptz not null,
  check (user_id is not null or owner_secret_hash is not null)
);
create index form_draft_user_idx on form_draft (tenant_id, user_id);
create index form_draft_expiry_idx on form_draft (expires_at);

-- Submission numbers come from one sequence: unique and without a hot counter row that would serialise submits.
create sequence form_submission_number_seq;

create table form_submission (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenant(id) on delete cascade,
  number text not null,
  service text not null,
  version integer not null,
  draft_id uuid not null,
  user_id uuid references app_user(id) on delete set null,
  owner_secret_hash text,
  trust_level text,
  answers jsonb not null,
  fee_cents integer,
  target_unit text not null,
  submitted_at timestamptz not null default now(),
  delete_after date not null,
  unique (tenant_id, number),
  -- One submission per draft: a double click or a retried request finds the first one.
  unique (tenant_id, draft_id)
);
create index form_submission_unit_idx on form_submission (tenant_id, target_unit, submitted_at desc);

-- Usage per service and day, the columns of the town's statistics table; no personal data.
create table form_usage (
  tenant_id uuid not null references tenant(id) on delete cascade,
  service text not null,
  day date not null,
  opened integer not null default 0,
  started integer not null default 0,
  submitted integer not null default 0,
  paid integer not null default 0,
  primary key (tenant_id, service, day)
);

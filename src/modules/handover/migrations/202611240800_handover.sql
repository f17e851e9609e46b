-- Hand-over to specialist software (Fachverfahren): consumers with an API key per tenant, the services they take,
-- and optionally a push endpoint; one outbox row per submission and consumer, holding the FIT-Connect-style
-- package as it was when the submission was received. The row's id is the idempotency key downstream.
create table handover_consumer (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenant(id) on delete cascade,
  name text not null,
  key_hash text not null unique,
  services text[] not null,
  push_url text,
  push_secret text,
  created_at timestamptz not null default now()
);

create table handover_delivery (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenant(id) on delete cascade,
  consumer_id uuid not null references handover_consumer(id) on delete cascade,
  submission_id text not null,
  service text not null,
  package jsonb not null,
  state text not null default 'new' check (state in ('new', 'fetched', 'acknowledged')),
  push_state text check (push_state in ('pending', 'delivered', 'failing')),
  push_attempts integer not null default 0,
  push_next_at timestamptz,
  push_last_error text,
  created_at timestamptz not null default now(),
  acknowledged_at timestamptz,
  unique (consumer_id, submission_id)
);
create index handover_delivery_pull_idx on handover_delivery (consumer_id, state, created_at);
create index handover_delivery_push_idx on handover_delivery (push_state, push_next_at);

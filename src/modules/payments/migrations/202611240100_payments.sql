-- Online payments: one row per attempt, every status change recorded, exactly one booking per successful
-- payment, refunds, notifications that match no payment (for reconciliation), and booking accounts per service.
create table payment (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenant(id) on delete cascade,
  reference text not null unique,
  purpose_kind text not null,
  purpose_id text not null,
  service text not null,
  description text not null,
  amount_cents integer not null check (amount_cents > 0),
  currency text not null default 'EUR',
  provider text not null,
  method text not null,
  status text not null default 'created' check (status in ('created', 'started', 'submitted', 'success', 'failed', 'cancelled', 'error')),
  provider_ref text,
  return_path text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index payment_purpose_idx on payment (tenant_id, purpose_kind, purpose_id, created_at desc);
create index payment_open_idx on payment (status, updated_at) where status in ('created', 'started', 'submitted');
create index payment_day_idx on payment (tenant_id, created_at);

create table payment_event (
  id bigserial primary key,
  payment_id uuid not null references payment(id) on delete cascade,
  at timestamptz not null default now(),
  from_status text,
  to_status text not null,
  source text not null,
  detail jsonb not null default '{}'
);
create index payment_event_payment_idx on payment_event (payment_id, id);

create table payment_booking (
  payment_id uuid primary key references payment(id) on delete cascade,
  tenant_id uuid not null references tenant(id) on delete cascade,
  booked_at timestamptz not null default now(),
  amount_cents integer not null
);
create index payment_booking_day_idx on payment_booking (tenant_id, booked_at);

create table payment_refund (
  id uuid primary key default gen_random_uuid(),
  payment_id uuid not null references payment(id) on delete cascade,
  amount_cents integer not null check (amount_cents > 0),
  reason text not null,
  actor_id uuid,
  provider_status text not null,
  at timestamptz not null default now()
);

create table payment_unmatched (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid references tenant(id) on delete cascade,
  provider text not null,
  reference text not null,
  payload jsonb not null,
  received_at timestamptz not null default now(),
  resolved_at timestamptz
);

create table payment_account (
  tenant_id uuid not null references tenant(id) on delete cascade,
  service text not null,
  cost_centre text not null,
  account text not null,
  primary key (tenant_id, service)
);

-- The embedded demo provider's own records (its side of the protocol), so status queries work like a real one.
create table payment_demo_transaction (
  reference text primary key,
  amount_cents integer not null,
  method text not null,
  status text not null,
  notify_url text not null,
  return_url text not null,
  updated_at timestamptz not null default now()
);

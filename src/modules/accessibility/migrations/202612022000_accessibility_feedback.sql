-- Feedback on barriers, sent from the accessibility statement; each becomes a case of the responsible unit.
create table accessibility_feedback (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenant (id) on delete cascade,
  number text not null,
  page text not null,
  description text not null,
  email text,
  created_at timestamptz not null default now(),
  unique (tenant_id, number)
);

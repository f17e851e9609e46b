-- Extra questions per category (also the Open311 service definition's attributes) and the answers of a report;
-- reports from Open311 clients, which an administrator registers with a key each and can revoke.
alter table report_category add column questions jsonb not null default '[]';
alter table report add column answers jsonb not null default '{}';
alter table report add column media_url text;
alter table report add column open311_client_id uuid;

create table open311_client (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenant(id) on delete cascade,
  name text not null,
  key_hash text not null unique,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create index report_client_idx on report (open311_client_id, created_at);

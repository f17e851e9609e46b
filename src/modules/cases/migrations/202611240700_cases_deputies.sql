-- Absence and deputy (Vertretung): while a clerk is away, their open cases and new assignments go to the
-- deputy; when they are back, the cases the deputy holds for them return.
create table case_absence (
  tenant_id uuid not null references tenant(id) on delete cascade,
  user_id uuid not null references app_user(id) on delete cascade,
  deputy_id uuid not null references app_user(id) on delete cascade,
  since timestamptz not null default now(),
  primary key (tenant_id, user_id)
);
alter table case_record add column deputy_for uuid references app_user(id) on delete set null;

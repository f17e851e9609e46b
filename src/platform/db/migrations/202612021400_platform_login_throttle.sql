-- Staff login: failures are counted per typed e-mail address (known or not), with growing delays instead of a
-- hard lock on the account; a TOTP code is accepted once (the last time step used is kept).
create table login_throttle (
  tenant_id uuid not null references tenant(id) on delete cascade,
  account_key text not null,
  failures integer not null default 0,
  blocked_until timestamptz,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, account_key)
);

alter table app_user drop column failed_logins;
alter table app_user drop column locked_until;
alter table app_user add column totp_last_step bigint;

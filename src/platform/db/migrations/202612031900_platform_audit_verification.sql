-- Audit chain verification that does not grow with history on the page: a signed checkpoint (the last verified
-- position and its hash) from which the newest entries are checked, and the runs of the full verification with
-- their progress and result. Unsealed rows are found by a partial index; the log page pages by (tenant, seq).
create table audit_checkpoint (
  id smallint primary key default 1 check (id = 1),
  chain_pos bigint not null,
  hash text not null,
  verified_at timestamptz not null,
  signature text not null
);

create table audit_verification (
  id bigserial primary key,
  kind text not null check (kind in ('full', 'recent')),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  checked bigint not null default 0,
  total bigint not null default 0,
  ok boolean,
  broken_at bigint
);
create index audit_verification_kind_idx on audit_verification (kind, id desc);

create index audit_log_unsealed_idx on audit_log (seq) where chain_pos is null;
create index audit_log_tenant_seq_idx on audit_log (tenant_id, seq desc);

-- File drop for legacy specialist software that cannot speak HTTP: a consumer may name a folder below the
-- configured drop directory; each delivery is written there once as a directory named by its id (the
-- idempotency key). When the legacy system has collected it (removed the directory), it counts as acknowledged.
alter table handover_consumer add column drop_folder text check (drop_folder ~ '^[a-z0-9][a-z0-9-]{0,62}$');
alter table handover_delivery add column drop_state text check (drop_state in ('pending', 'written', 'failing', 'collected'));
alter table handover_delivery add column drop_attempts integer not null default 0;
alter table handover_delivery add column drop_next_at timestamptz;
alter table handover_delivery add column drop_last_error text;
create index handover_delivery_drop_idx on handover_delivery (drop_state, drop_next_at);

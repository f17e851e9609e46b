-- The audit chain is sealed at commit time inside the database: a deferred constraint trigger takes the chain
-- lock, links the new row to the last sealed one and hashes it. The lock is held only for the commit itself,
-- with no round trip to the application in between, so many transactions can write audit rows in parallel.
-- Chain order is the sealing order (chain_pos), which may differ from seq when transactions overlap.
alter table audit_log alter column prev_hash drop not null, alter column hash drop not null;
alter table audit_log add column chain_pos bigint, add column chain_body text;
update audit_log set chain_pos = seq;
create unique index audit_log_chain_pos_idx on audit_log (chain_pos);
create sequence audit_chain_pos;
select setval('audit_chain_pos', coalesce((select max(seq) from audit_log), 0) + 1, false);

create function audit_seal() returns trigger language plpgsql as $$
declare
  previous text;
begin
  perform pg_advisory_xact_lock(724281002);
  select hash into previous from audit_log where chain_pos is not null order by chain_pos desc limit 1;
  previous := coalesce(previous, repeat('0', 64));
  update audit_log
     set prev_hash = previous,
         hash = encode(sha256(convert_to(previous || E'\n' || new.chain_body, 'UTF8')), 'hex'),
         chain_pos = nextval('audit_chain_pos'),
         chain_body = null
   where seq = new.seq;
  return null;
end $$;

create constraint trigger audit_seal after insert on audit_log deferrable initially deferred for each row execute function audit_seal();

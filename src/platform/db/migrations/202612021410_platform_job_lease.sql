-- A running job holds a lease that its process renews while it works. When the process dies the lease runs out
-- and the job returns to the queue, so no job is stuck in 'running' for ever.
alter table job add column lease_until timestamptz;
update job set status = 'queued', locked_by = null where status = 'running';
create index job_lease_idx on job (lease_until) where status = 'running';

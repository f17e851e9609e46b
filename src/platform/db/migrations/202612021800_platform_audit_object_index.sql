-- Finding an object's entries (and whether a view was just recorded) without scanning the tenant's log.
create index if not exists audit_log_object on audit_log (tenant_id, object_id, at);

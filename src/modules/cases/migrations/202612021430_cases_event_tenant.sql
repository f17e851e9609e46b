-- History events and escalations carry their tenant like every other row of tenant data, so that each query
-- can filter by it.
alter table case_event add column tenant_id uuid references tenant(id) on delete cascade;
update case_event e set tenant_id = c.tenant_id from case_record c where c.id = e.case_id;
alter table case_event alter column tenant_id set not null;
alter table case_escalation add column tenant_id uuid references tenant(id) on delete cascade;
update case_escalation e set tenant_id = c.tenant_id from case_record c where c.id = e.case_id;
alter table case_escalation alter column tenant_id set not null;

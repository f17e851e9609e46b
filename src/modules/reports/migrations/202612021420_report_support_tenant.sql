-- Support rows carry their tenant like every other row of tenant data.
alter table report_support add column tenant_id uuid references tenant(id) on delete cascade;
update report_support s set tenant_id = r.tenant_id from report r where r.id = s.report_id;
alter table report_support alter column tenant_id set not null;

-- With thousands of services: lists by name without sorting them all, and the services of a life situation or an
-- office found through their content.
create index catalog_entry_name_idx on catalog_entry (tenant_id, kind, name) where published is not null;
create index catalog_entry_published_idx on catalog_entry using gin (published jsonb_path_ops);

-- The inbox search looks for the typed text in the number and title (ilike '%…%') or for its words in the case
-- data; trigram indexes let the database combine all three instead of filtering every case of the unit.
create extension if not exists pg_trgm;
create index case_record_title_trgm_idx on case_record using gin (title gin_trgm_ops);
create index case_record_number_trgm_idx on case_record using gin (number gin_trgm_ops);

-- The published address comes from the street directory only; what the reporter typed is kept internal.
alter table report add column address_note text;
alter table report add column address_approximate boolean not null default false;
-- Reports made before: an address in the directory's form ("Straße 1, 53773 Hennef (Sieg)") stays public; any
-- other text (typed beside a pin) becomes the internal note, and the report shows its coordinates instead.
update report set address_note = left(address, 200), address = null
  where address is not null and address !~ '^[^,]{1,80}, [0-9]{5} [^,]{1,60}$';

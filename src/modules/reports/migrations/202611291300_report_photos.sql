-- Photos of a report (at most three), stored re-encoded without EXIF or GPS metadata. They stay out of the public
-- view until a moderator has checked them for faces and number plates and releases them.
create table report_photo (
  report_id uuid not null references report(id) on delete cascade,
  position integer not null,
  file_id uuid not null references stored_file(id),
  public boolean not null default false,
  primary key (report_id, position)
);

-- What the public reads of a report's description: nothing until a moderator publishes it, and then the text as
-- the moderator left it (names, phone numbers or number plates taken out). The reporter's own words stay internal.
alter table report add column public_description text;

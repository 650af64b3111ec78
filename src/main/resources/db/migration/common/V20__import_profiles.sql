-- Import profiles: how to read partner files whose headers the importer does not know. A profile
-- maps each header of such a file to a client field (or ignores it) and values found in the file
-- to values stored; it is saved once and maps the next file with the same headers at once.
--
-- name_key is the name as the database's lower() writes it, so that names are unique ignoring
-- case on both databases (as projects' and desks', V16). definition is the profile as JSON:
-- {"columns": {header: field or null}, "values": {field: {found: stored}}, "dateFormat"}.
create table import_profiles (
    name_key   varchar(100) not null primary key,
    name       varchar(100) not null,
    definition text         not null,
    created_by varchar(50)  not null,
    updated_at timestamp with time zone not null
);

-- An import read by a profile keeps the profile as it was at upload (its name and definition):
-- the job reads the file later, and a profile edited meanwhile must not change how.
alter table imports add column profile_name varchar(100);
alter table imports add column profile_definition text;

-- Projects and desks administered in the browser: names unique ignoring case, archiving, and the
-- client types as data instead of a setting.
--
-- name_key is the name as the database's lower() writes it; a unique index on it makes names unique
-- ignoring case on both databases (H2 has no expression indexes). The application writes it with
-- lower(?) too, so the key is always the same function of the name.
--
-- Names that an older version let in and that collide ignoring case ("Retail" and "RETAIL") are kept
-- as they are: the oldest one (then the lowest ID) gets the plain key, every later one its key
-- followed by '#' and its own ID, so that nothing is renamed behind the users' back and the index
-- can be created. A new name or a rename that collides with any of them is refused; the server logs
-- the colliding names at every start until an admin renames them (docs/import-behaviour.md).
alter table projects add column name_key varchar(130);
alter table projects add column archived_at timestamp with time zone;
update projects set name_key = lower(name);
update projects set name_key = lower(name) || '#' || id
 where exists (select 1 from projects older
                where lower(older.name) = lower(projects.name)
                  and (older.created_at < projects.created_at
                       or (older.created_at = projects.created_at and older.id < projects.id)));
alter table projects alter column name_key set not null;
create unique index projects_name_key_uq on projects (name_key);

alter table desks add column name_key varchar(130);
alter table desks add column archived_at timestamp with time zone;
update desks set name_key = lower(name);
update desks set name_key = lower(name) || '#' || id
 where exists (select 1 from desks older
                where lower(older.name) = lower(desks.name)
                  and (older.created_at < desks.created_at
                       or (older.created_at = desks.created_at and older.id < desks.id)));
alter table desks alter column name_key set not null;
create unique index desks_name_key_uq on desks (name_key);

-- The client types a client may have, in their canonical spelling and in the order shown. Empty
-- after this migration: the first start fills it from the setting clientdesk.organisation.client-types
-- (Personal, Corporate unless set), so an installation keeps the types it had configured.
create table client_types (
    position integer     not null primary key,
    name     varchar(50) not null,
    name_key varchar(50) not null
);
create unique index client_types_name_key_uq on client_types (name_key);

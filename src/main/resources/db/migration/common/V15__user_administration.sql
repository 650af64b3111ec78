-- Users administered in the browser (issue 12): usernames matched ignoring case, and users that an admin
-- can disable.
--
-- username_key is the username in lower case (usernames are ASCII: letters, digits and . _ @ -, so
-- Java's and SQL's lower() agree), unique, and what every lookup uses: H2 has no expression index
-- (lower(username)), so the key is a column of its own, written by UserRepository with the name.
-- Two users whose names differ only in case cannot both be migrated: rename one before upgrading.
alter table users add column username_key varchar(50);
update users set username_key = lower(username);
alter table users alter column username_key set not null;
create unique index users_username_key_idx on users (username_key);

-- A disabled user cannot log in (form or API) and has no session; their rows elsewhere stay.
alter table users add column enabled boolean default true not null;

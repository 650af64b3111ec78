-- PostgreSQL only: trigram indexes so that the clients list's case-insensitive substring search
-- (q, an ILIKE '%...%' on first name, last name and email) does not scan the whole table.
create extension if not exists pg_trgm;
create index clients_first_name_trgm on clients using gin (first_name gin_trgm_ops);
create index clients_last_name_trgm on clients using gin (last_name gin_trgm_ops);
create index clients_email_trgm on clients using gin (email gin_trgm_ops);

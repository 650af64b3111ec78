-- PostgreSQL only: one trigram index on the text that the clients list's q searches (first name,
-- last name and email, lower-cased, separated by line breaks: ClientRepository.SEARCH_TEXT) instead
-- of one per column. Every import updates it for each row it writes: one index is about a third of
-- the work of three (docs/performance.md).
drop index clients_first_name_trgm;
drop index clients_last_name_trgm;
drop index clients_email_trgm;
create index clients_search_trgm on clients
    using gin (lower(first_name || chr(10) || last_name || chr(10) || email) gin_trgm_ops);

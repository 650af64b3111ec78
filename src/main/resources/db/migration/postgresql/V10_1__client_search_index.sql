-- PostgreSQL only: the trigram index of q moves from the clients to client_search (V10). Clients
-- keep a tenth of each page free, so that a change to a client's name, type or status (no indexed
-- column) is written in place, without an entry in each of the clients' indexes ("HOT" updates).
drop index clients_search_trgm;
create index client_search_trgm on client_search using gin (search_text gin_trgm_ops);
alter table clients set (fillfactor = 90);

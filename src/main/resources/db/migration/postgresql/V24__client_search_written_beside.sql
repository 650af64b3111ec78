-- PostgreSQL only: the search text of new clients is written on a connection of its own, in a
-- transaction that commits just before the import's (ClientSearchWriter), so that the clients and
-- their texts are written on two of the database's cores at once. A foreign key to clients would
-- refuse the texts of clients that the import has not committed yet (its check does not see them), so
-- it goes. q reads a text only joined to its client (ClientListQuery): a text whose client
-- was never committed (the server died between the two commits) is found by no search. H2 writes the
-- text in the import's transaction and keeps the key.
alter table client_search drop constraint client_search_client_id_fkey;

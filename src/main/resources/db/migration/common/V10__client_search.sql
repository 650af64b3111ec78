-- What the clients list's q searches (first name, last name and email, lower-cased, with a line
-- break between them: ClientRepository.SEARCH_TEXT), kept beside the clients instead of indexed on
-- them. An import writes only the clients; ClientSearchIndexer brings this table up to date right
-- after the import commits. On PostgreSQL the trigram index moves here (V10_1), so that an import
-- no longer updates it for every row it writes, and a client whose name changes is updated in
-- place (no indexed column changed). Measured in docs/performance.md; decision 0005.
create table client_search (
    client_id   char(24)     not null primary key references clients (id),
    search_text varchar(460) not null
);
insert into client_search (client_id, search_text)
    select id, lower(first_name || chr(10) || last_name || chr(10) || email) from clients;

-- The event that hands an import's clients to the indexer carries their IDs: up to 5 000.
alter table event_publication alter column serialized_event set data type varchar(1000000);

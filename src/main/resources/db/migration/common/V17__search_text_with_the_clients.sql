-- The search text is now written with the clients, in the import's transaction (decision 0005), no
-- longer after it by ClientSearchIndexer, whose event (ClientsWritten) is gone. A database that
-- still holds such events (the server stopped, or its connection was cut, before the indexer
-- ended) gets the texts they would have written: every text that is missing or differs from its
-- client. Only then: with no event left, the statements below write nothing and read nothing.
insert into client_search (client_id, search_text)
    select c.id, lower(c.first_name || chr(10) || c.last_name || chr(10) || c.email) from clients c
    where exists (select 1 from event_publication where event_type = 'io.clientdesk.client.ClientsWritten')
      and not exists (select 1 from client_search s where s.client_id = c.id);

update client_search
    set search_text = (select lower(c.first_name || chr(10) || c.last_name || chr(10) || c.email)
                       from clients c where c.id = client_search.client_id)
    where exists (select 1 from event_publication where event_type = 'io.clientdesk.client.ClientsWritten')
      and search_text <> (select lower(c.first_name || chr(10) || c.last_name || chr(10) || c.email)
                          from clients c where c.id = client_search.client_id);

-- the registry would republish them at the start, for a listener that no longer exists
delete from event_publication where event_type = 'io.clientdesk.client.ClientsWritten';

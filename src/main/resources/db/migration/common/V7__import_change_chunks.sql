-- What an import changed, stored in chunks of up to 500 entries (a JSON array each) instead of one
-- row per client: an import of 5 000 rows writes 10 rows here, not 5 000 (measured in
-- docs/performance.md). Entries keep the file's order; a page is read from the chunks it spans.
drop table import_changes;

create table import_change_chunks (
    import_id   char(24)  not null references imports (id),
    chunk       integer   not null,
    entry_count integer   not null,
    entries     text      not null,
    primary key (import_id, chunk)
);

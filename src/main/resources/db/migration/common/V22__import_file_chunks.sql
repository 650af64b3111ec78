-- An uploaded file is stored in chunks of 1 MiB, one row each, instead of one value: a file of a
-- million rows (up to 256 MiB) is then written and read again holding one chunk in memory. Files
-- stored before become one chunk each; a file the retention deleted has no chunks (its row keeps its
-- SHA-256, size and deleted_at).
create table import_file_chunks (
    file_id char(24) not null references import_files (id),
    chunk   integer  not null,
    content bytea    not null,
    primary key (file_id, chunk)
);
insert into import_file_chunks (file_id, chunk, content)
    select id, 0, content from import_files where content is not null and size_bytes > 0;
alter table import_files drop column content;

-- The rows a running import has checked (and written) so far, written after each chunk of rows from
-- a transaction of its own, so that the progress shows while the import's transaction is open.
alter table imports add column processed_rows integer default 0 not null;
update imports set processed_rows = total_rows where status not in ('QUEUED', 'PROCESSING');

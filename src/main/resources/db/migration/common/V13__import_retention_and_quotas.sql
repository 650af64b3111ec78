-- Retention: an uploaded file's content and an import's error rows are deleted after
-- clientdesk.import.retention; the file's row (SHA-256, size) and the import's summary and record
-- of changes stay. content is null once deleted; files_deleted_at says when it happened.
alter table import_files alter column content drop not null;
alter table import_files add column deleted_at timestamp with time zone;
alter table imports add column files_deleted_at timestamp with time zone;
create index import_files_created_at_idx on import_files (created_at);

-- One row per user who uploads: locked by each upload and commit, so that the per-user limits
-- (imports waiting, bytes stored) are checked one upload at a time and cannot be passed by
-- uploading many files at once.
create table import_quota_locks (
    username varchar(50) not null primary key
);

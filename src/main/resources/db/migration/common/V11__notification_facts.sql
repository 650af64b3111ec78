-- A notification is stored as facts (what happened, to which import, how it ended, the counts, the
-- file name as data), no longer as a sentence and a link: the bell and the API word it and build its
-- links from the import's ID when they show it, so that no file name can become a link
-- (NotificationText).
--
-- Rows stored as sentences are converted from the facts they were made of, which the import they
-- link to ('/imports/' || id, always written by the server) still holds: its file name, status, dry
-- run and counts (imported = created + updated + unchanged, as the job counted them; failed). No
-- sentence is parsed. A row that names no stored import cannot be worded or linked and is dropped;
-- the application never wrote one (imports are never deleted).
--
-- The import columns are not null while every kind is about an import; a kind that is not will
-- relax them.
create table notification_facts (
    id             char(24)     not null primary key,
    username       varchar(50)  not null,
    kind           varchar(30)  not null,
    import_id      char(24)     not null,
    outcome        varchar(30)  not null,
    dry_run        boolean      not null,
    imported_count integer      not null,
    failed_count   integer      not null,
    file_name      varchar(255) not null,
    is_read        boolean      not null,
    created_at     timestamp with time zone not null,
    constraint notifications_kind_known check (kind in ('IMPORT_FINISHED')),
    constraint notifications_outcome_known check (outcome in ('SUCCEEDED', 'FAILED', 'COMPLETED_WITH_ERRORS'))
);

insert into notification_facts (id, username, kind, import_id, outcome, dry_run, imported_count, failed_count,
                                file_name, is_read, created_at)
    select n.id, n.username, 'IMPORT_FINISHED', i.id, i.status, i.dry_run,
           i.created_count + i.updated_count + i.unchanged_count, i.failed_count, i.file_name, n.is_read,
           n.created_at
    from notifications n
    join imports i on n.link = '/imports/' || i.id
    where i.status in ('SUCCEEDED', 'FAILED', 'COMPLETED_WITH_ERRORS');

drop table notifications;
alter table notification_facts rename to notifications;
create index notifications_user_idx on notifications (username, created_at desc);

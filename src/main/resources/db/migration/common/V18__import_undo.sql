-- Undoing an import: an undo is an import of its own kind (its history entry, its counts, its
-- report, its record of changes), queued like any other, pointing at the import it undoes. The
-- choice for clients changed since the import is kept with it, for the job: undo_conflicts is
-- 'keep' or 'restore' for all, undo_restore the IDs of clients restored although 'keep' (a choice
-- made row by row on the import's page), separated by commas. deleted_count: clients an undo
-- deleted (those the undone import had created).
alter table imports add column kind varchar(10) default 'IMPORT' not null;
alter table imports add constraint imports_kind_known check (kind in ('IMPORT', 'UNDO'));
alter table imports add column undo_of char(24);
alter table imports add column undo_conflicts varchar(10);
alter table imports add column undo_restore text;
alter table imports add column deleted_count integer default 0 not null;
create index imports_undo_of_idx on imports (undo_of);

-- the bell tells of an undo's end as of an import's
alter table notifications drop constraint notifications_kind_known;
alter table notifications add constraint notifications_kind_known check (kind in ('IMPORT_FINISHED', 'UNDO_FINISHED'));

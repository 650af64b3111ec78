-- PostgreSQL only: the audit log is append-only for every client of the database, not only for
-- ClientDesk's code. A statement that would change or remove rows fails (SQLSTATE 55000,
-- object_not_in_prerequisite_state) and rolls its transaction back. The owner of the table can still
-- drop the triggers; a role that may do that is also one that may drop the table: give the
-- application's database user no more than it needs. H2 has no equivalent (see h2/README.txt).
create function audit_log_refuse_change() returns trigger
    language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op
        using errcode = 'object_not_in_prerequisite_state';
end;
$$;

create trigger audit_log_no_update_or_delete
    before update or delete on audit_log
    for each row execute function audit_log_refuse_change();

create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function audit_log_refuse_change();

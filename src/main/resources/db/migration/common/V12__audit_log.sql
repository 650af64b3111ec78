-- The audit log: who did what, when, from where. Append-only: the application inserts rows and reads
-- them, nothing else (AuditRepository has no update or delete); on PostgreSQL a trigger refuses
-- UPDATE, DELETE and TRUNCATE as well (postgresql/V12_1). Rows are kept forever.
--
-- No foreign keys: the target is text (an import's ID, a username) and must outlive what it names
-- (an upload deleted after its retention, for example). No check on action either: new actions are
-- added in the code (AuditAction) without a migration. details is a small JSON object of facts.
create table audit_log (
    id             char(24)      not null primary key,
    occurred_at    timestamp with time zone not null,
    actor          varchar(100),
    client_address varchar(64),
    action         varchar(40)   not null,
    target         varchar(100),
    details        varchar(4000) not null
);
-- newest first, whole or by user or by action (the filters of GET /api/audit)
create index audit_log_time_idx on audit_log (occurred_at desc, id desc);
create index audit_log_actor_idx on audit_log (actor, occurred_at desc, id desc);
create index audit_log_action_idx on audit_log (action, occurred_at desc, id desc);

-- Imports: the uploaded file (stored with the import so that any server can process it and a
-- restart loses nothing), the import's state and counts, its row errors and what it changed.
create table import_files (
    id         char(24)    not null primary key,
    sha256     char(64)    not null,
    size_bytes bigint      not null,
    content    bytea       not null,
    created_at timestamp with time zone not null
);

create table imports (
    id              char(24)     not null primary key,
    file_id         char(24)     not null references import_files (id),
    file_name       varchar(255) not null,
    status          varchar(30)  not null,
    dry_run         boolean      not null,
    on_error        varchar(10)  not null,
    total_rows      integer      not null,
    created_count   integer      not null,
    updated_count   integer      not null,
    unchanged_count integer      not null,
    failed_count    integer      not null,
    created_by      varchar(50)  not null,
    created_at      timestamp with time zone not null,
    started_at      timestamp with time zone,
    finished_at     timestamp with time zone,
    sha256          char(64)     not null,
    same_file_as    char(24),
    committed_from  char(24),
    constraint imports_status_known check (status in ('QUEUED', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'COMPLETED_WITH_ERRORS')),
    constraint imports_on_error_known check (on_error in ('fail', 'skip'))
);
create index imports_created_at_idx on imports (created_at desc, id desc);
create index imports_created_by_idx on imports (created_by, created_at desc);
create index imports_sha256_idx on imports (sha256, created_at desc);

-- Every problem an import found, one row each; the error report is made from these.
create table import_errors (
    import_id   char(24)      not null references imports (id),
    line        integer       not null,
    column_name varchar(100),
    cell_value  varchar(1000),
    code        varchar(40)   not null,
    message     varchar(1000) not null
);
create index import_errors_import_idx on import_errors (import_id, line);

-- What an import did: each client it created, and for each client it updated the values it
-- replaced (before) and wrote (after), as JSON objects of the changed fields only.
create table import_changes (
    import_id char(24)      not null references imports (id),
    seq       integer       not null,
    client_id char(24)      not null,
    action    varchar(10)   not null,
    before_values varchar(8000),
    after_values  varchar(8000) not null,
    primary key (import_id, seq)
);

-- db-scheduler's table (its documented schema, in SQL that H2 and PostgreSQL both take): the
-- durable queue of import jobs.
create table scheduled_tasks (
    task_name            varchar(100) not null,
    task_instance        varchar(100) not null,
    task_data            bytea,
    execution_time       timestamp with time zone,
    picked               boolean      not null,
    picked_by            varchar(50),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint       not null,
    priority             smallint,
    state                varchar(50),
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

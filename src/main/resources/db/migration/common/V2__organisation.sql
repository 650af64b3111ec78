-- Projects (brands) and desks (sales teams) that clients belong to, and the import defaults.
create table projects (
    id         char(24)     not null primary key,
    name       varchar(100) not null,
    created_at timestamp with time zone not null
);
create unique index projects_name_uq on projects (name);

create table desks (
    id         char(24)     not null primary key,
    name       varchar(100) not null,
    created_at timestamp with time zone not null
);
create unique index desks_name_uq on desks (name);

-- A single row (id = 1): what a new client gets where its CSV row leaves a field out.
create table import_defaults (
    id         integer     not null primary key,
    project_id char(24)    not null references projects (id),
    desk_id    char(24)    not null references desks (id),
    active     boolean     not null,
    type       varchar(50) not null,
    constraint import_defaults_single_row check (id = 1)
);

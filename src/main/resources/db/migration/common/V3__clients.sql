-- Clients. Emails are stored trimmed and lower-cased (the check makes the database refuse
-- anything else), so the unique index on email is a unique index on the lower-cased email on
-- both H2 and PostgreSQL, without expression indexes (which H2 lacks).
create table clients (
    id         char(24)     not null primary key,
    first_name varchar(100) not null,
    last_name  varchar(100) not null,
    email      varchar(254) not null,
    project_id char(24)     not null references projects (id),
    desk_id    char(24)     not null references desks (id),
    active     boolean      not null,
    type       varchar(50)  not null,
    created    timestamp with time zone not null,
    constraint clients_email_lower_case check (email = lower(email))
);
create unique index clients_email_uq on clients (email);

-- The list's default order (newest first) and its filters, each served in that order.
create index clients_created_idx on clients (created desc, id desc);
create index clients_project_created_idx on clients (project_id, created desc, id desc);
create index clients_desk_created_idx on clients (desk_id, created desc, id desc);

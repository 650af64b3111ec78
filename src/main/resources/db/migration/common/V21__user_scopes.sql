-- Scoped users (issue 13): an admin limits a manager or an agent to some projects and/or desks. A user
-- with no row in a table has no limit on that dimension; admins are never scoped (their rows are removed
-- when they become one). Projects and desks are archived, never deleted, and users are never deleted, so
-- the references hold.
create table user_project_scopes (
    username   varchar(50) not null references users (username),
    project_id char(24)    not null references projects (id),
    primary key (username, project_id)
);

create table user_desk_scopes (
    username varchar(50) not null references users (username),
    desk_id  char(24)    not null references desks (id),
    primary key (username, desk_id)
);

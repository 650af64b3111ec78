-- What the bell shows: one row per notification, for its owner only.
create table notifications (
    id         char(24)      not null primary key,
    username   varchar(50)   not null,
    kind       varchar(30)   not null,
    message    varchar(1000) not null,
    link       varchar(255),
    is_read    boolean       not null,
    created_at timestamp with time zone not null
);
create index notifications_user_idx on notifications (username, created_at desc);

-- Users of the web UI and the API. Passwords are stored as delegating-encoder hashes ({bcrypt}...).
create table users (
    username      varchar(50)  not null primary key,
    password_hash varchar(200) not null,
    role          varchar(20)  not null,
    created_at    timestamp with time zone not null,
    constraint users_role_known check (role in ('ADMIN', 'MANAGER', 'AGENT'))
);

-- Spring Modulith's event publication registry (its v2 schema, in SQL that H2 and PostgreSQL both
-- take): an event published in a transaction is stored with it, so that a listener that has not
-- run yet (a crash, a restart) is run again instead of being lost.
create table event_publication (
    id                     uuid          not null primary key,
    listener_id            varchar(512)  not null,
    event_type             varchar(512)  not null,
    serialized_event       varchar(4000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

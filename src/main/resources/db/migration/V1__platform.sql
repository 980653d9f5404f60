-- Remembered answers to POSTs that carried an Idempotency-Key; scope is the authenticated caller.
create table idempotency_records (
    scope        text        not null,
    key          text        not null,
    request_hash bytea       not null,
    status_code  integer,
    content_type text,
    body         bytea,
    created_at   timestamptz not null,
    primary key (scope, key)
);
create index idempotency_records_created_at on idempotency_records (created_at);

-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc), owned by
-- Flyway so that the schema is versioned with ours. Events carry ids only, never personal data.
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- What remains of an erased person: a keyed hash of their phone or email, the same in every workspace,
-- so an old import cannot bring them back without the platform keeping who they were (P6).
create table erasure_tombstones (
    hash      bytea       primary key,
    kind      text        not null,
    erased_at timestamptz not null
);

-- Who each raw webhook event is about, as tombstone hashes of their numbers, so an erasure can find the
-- raw events of a person without decrypting every event.
create table webhook_event_subjects (
    event_id bigint not null references webhook_events (id) on delete cascade,
    subject  bytea  not null,
    primary key (subject, event_id)
);
create index webhook_event_subjects_event on webhook_event_subjects (event_id);

-- Throttle state shared by every node (login attempts, sign-ups, one-time links, refused webhooks): failures
-- per limiter and key, the wait before the next try and a temporary lock. Keys are SHA-256 hashes (an email, a
-- client address); a row lives only until its failures are forgotten and its lock has ended.
create table throttles (
    limiter         text        not null,
    key_hash        bytea       not null,
    failures        integer     not null,
    last_failure_at timestamptz not null,
    not_before      timestamptz,
    locked_until    timestamptz,
    expires_at      timestamptz not null,
    primary key (limiter, key_hash)
);
create index throttles_expiry on throttles (expires_at);
create index throttles_locked on throttles (limiter, locked_until) where locked_until is not null;

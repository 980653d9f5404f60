-- The audit log (P5): who read or changed what, as ids and hashes only, never personal data. Append-only and
-- hash-chained: each row's hash is SHA-256(previous row's hash || the row's canonical bytes), so a changed,
-- removed or inserted row breaks the chain at that point. seq is gapless, handed out under the chain's lock.
create table audit_log (
    seq          bigint      primary key,
    workspace_id uuid,
    occurred_at  timestamptz not null,
    actor        text        not null,
    action       text        not null,
    subject      text,
    detail       text,
    prev_hash    bytea       not null,
    hash         bytea       not null
);
create index audit_log_workspace on audit_log (workspace_id, seq);
create index audit_log_occurred on audit_log (occurred_at);

-- Both ends of the chain. Every append locks this one row, so appends from any number of nodes form one
-- chain; the retention purge moves first_seq and anchor_hash when it removes the oldest rows (7 years).
create table audit_chain (
    id          integer primary key default 1 check (id = 1),
    first_seq   bigint  not null,
    anchor_hash bytea   not null,
    last_seq    bigint  not null,
    last_hash   bytea   not null
);
insert into audit_chain (first_seq, anchor_hash, last_seq, last_hash)
values (1, decode(repeat('00', 32), 'hex'), 0, decode(repeat('00', 32), 'hex'));

-- Rows are never updated, and deleted only by the retention purge, which says so for its transaction.
-- This guards against mistakes; against someone with the database owner's rights, the chain is the evidence.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('maxmysales.audit_retention_purge', true) = 'on' then
        return old;
    end if;
    raise exception 'audit_log is append-only: % refused', tg_op;
end $$;
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_append_only();

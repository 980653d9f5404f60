-- An erasure tombstone now belongs to the workspace that erased the person: that business can never add them
-- back, every other business is unaffected (issue 11, item 3). The hash stays the platform-wide tombstone hash
-- (the keyed hash audit records, privacy requests and raw webhook events name people by), so no value is needed
-- to move a row: only the workspace that wrote it has to be found. Rows written before this version carry no
-- workspace. Each goes to the workspaces that erased the person, found from what the erasure left behind; where
-- that cannot be told, the row keeps refusing the person everywhere, as it did before: erring towards a refusal
-- never adds back someone who asked to be erased.
create temporary table legacy_tombstones on commit drop as
select hash, kind, erased_at, xmin as written_by from erasure_tombstones;

delete from erasure_tombstones;
alter table erasure_tombstones drop constraint erasure_tombstones_pkey;
alter table erasure_tombstones add column workspace_id uuid not null;
alter table erasure_tombstones add primary key (workspace_id, hash);

-- The erasing workspace, from the 'privacy.erasure' audit record written in the same transaction as the row
-- (same xmin; the times agree too, which rules out a transaction id reused after wraparound).
create temporary table erasures on commit drop as
select workspace_id, occurred_at, xmin as written_by from audit_log
where action = 'privacy.erasure' and workspace_id is not null;

insert into erasure_tombstones (workspace_id, hash, kind, erased_at)
select e.workspace_id, t.hash, t.kind, t.erased_at
from legacy_tombstones t
join erasures e on e.written_by = t.written_by
 and e.occurred_at between t.erased_at - interval '1 minute' and t.erased_at + interval '1 minute'
on conflict do nothing;

-- A completed erasure request names its person by the same hash.
insert into erasure_tombstones (workspace_id, hash, kind, erased_at)
select r.workspace_id, t.hash, t.kind, t.erased_at
from legacy_tombstones t
join privacy_requests r on r.subject_hash = t.hash and r.type = 'erasure' and r.status = 'completed'
on conflict do nothing;

-- An erasure that wrote no row of its own found the person's tombstone there already, written by an earlier
-- erasure elsewhere, and which one is not recorded: it keeps every tombstone written up to then.
insert into erasure_tombstones (workspace_id, hash, kind, erased_at)
select e.workspace_id, t.hash, t.kind, t.erased_at
from erasures e
join legacy_tombstones t on t.erased_at <= e.occurred_at + interval '1 minute'
where not exists (select 1 from legacy_tombstones own where own.written_by = e.written_by
                  and own.erased_at between e.occurred_at - interval '1 minute' and e.occurred_at + interval '1 minute')
on conflict do nothing;

-- A row tied to no erasure at all (a database restored from a dump has new transaction ids): every workspace.
insert into erasure_tombstones (workspace_id, hash, kind, erased_at)
select w.id, t.hash, t.kind, t.erased_at
from legacy_tombstones t cross join workspaces w
where not exists (select 1 from erasure_tombstones kept where kept.hash = t.hash)
on conflict do nothing;

comment on table erasure_tombstones is
    'What remains of a person a workspace erased: the keyed hash of their phone or email, refused to that workspace only';

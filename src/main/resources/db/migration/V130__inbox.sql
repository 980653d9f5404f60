-- The team inbox's state of a conversation. The inbox shows one row per contact and number: the newest
-- conversation of the pair; the ones before it are "superseded" (kept for their messages and retention).
alter table conversations
    add column inbox_status  text        not null default 'open'
        check (inbox_status in ('open', 'pending', 'resolved', 'snoozed')),
    add column snoozed_until timestamptz,
    add column labels        text[]      not null default '{}',
    add column unread        integer     not null default 0,
    add column last_read_at  timestamptz,
    add column superseded    boolean     not null default false;

update conversations c set superseded = true
where exists (select 1 from conversations newer
              where newer.workspace_id = c.workspace_id and newer.contact_id = c.contact_id
                and newer.channel_id = c.channel_id
                and (newer.opened_at, newer.id) > (c.opened_at, c.id));
update conversations set inbox_status = 'resolved' where state = 'ended';

-- The list: newest activity first, per workspace: the inbox's (the current conversation of each contact and
-- number) and the API's (every conversation).
create index conversations_inbox on conversations (workspace_id, last_message_at desc, id desc) where not superseded;
create index conversations_activity on conversations (workspace_id, last_message_at desc, id desc);
create index conversations_inbox_labels on conversations using gin (labels) where not superseded;
create index conversations_snoozed on conversations (snoozed_until) where inbox_status = 'snoozed';

-- A conversation opened for a contact and number that had one before takes its place in the inbox, and keeps
-- its agent and labels: a customer who writes again keeps talking to the same person. A trigger rather than
-- code, because every path that opens a conversation (inbound, outbound, merges) must do it, in the same
-- statement. AFTER INSERT: an "insert ... on conflict do update" that updates fires no insert trigger.
create function conversations_take_over() returns trigger language plpgsql as $$
declare
    previous record;
begin
    select assignee_id, labels into previous from conversations
    where workspace_id = new.workspace_id and contact_id = new.contact_id and channel_id = new.channel_id
      and id <> new.id and not superseded
    order by opened_at desc, id desc limit 1;
    if found then
        update conversations set superseded = true
        where workspace_id = new.workspace_id and contact_id = new.contact_id and channel_id = new.channel_id
          and id <> new.id and not superseded;
        update conversations set assignee_id = coalesce(new.assignee_id, previous.assignee_id),
                                 labels = previous.labels
        where id = new.id;
    end if;
    return null;
end $$;
create trigger conversations_take_over after insert on conversations
    for each row execute function conversations_take_over();

-- The labels a workspace has used, for the filter: a label is a word, not personal data.
create table inbox_labels (
    workspace_id uuid not null references workspaces (id),
    name         text not null,
    primary key (workspace_id, name)
);

-- Per workspace: whether agents see every conversation or only unassigned ones and their own, and whether
-- reading a conversation in the inbox sends the customer Meta's read receipt (blue ticks).
create table inbox_settings (
    workspace_id   uuid    primary key references workspaces (id),
    agents_see_all boolean not null default false,
    read_receipts  boolean not null default true
);

-- Who has the inbox open: the live connection of each member beats here; online = seen within a minute.
create table inbox_presence (
    workspace_id uuid        not null references workspaces (id),
    member_id    uuid        not null references business_users (id) on delete cascade,
    seen_at      timestamptz not null,
    primary key (workspace_id, member_id)
);

-- Whose turn it is next on each number (the round robin of new conversations and of lead follow-ups).
create table inbox_turns (
    workspace_id uuid   not null references workspaces (id),
    channel_id   uuid   not null references channels (id),
    turn         bigint not null default 0,
    primary key (workspace_id, channel_id)
);

-- Lead follow-ups take their turn in the inbox's round robin (per number) now, not per lead source.
alter table lead_sources drop column round_robin;

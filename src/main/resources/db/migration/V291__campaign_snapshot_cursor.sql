-- A launched campaign's audience is read a page per engine step, each page fed from in the same transaction, so the
-- first messages go out after one page rather than after the whole audience (12 s at 100,000 contacts).
-- snapshot_cursor is the audience's position after the last page read (ContactGroups.audience's cursor), committed
-- with that page's recipient rows: a crash between pages continues from it. Null before the first page and once
-- snapshot_done.
alter table campaigns add column snapshot_cursor text;

-- The phones the snapshot gave a recipient so far, by blind index (privacy.crypto.BlindIndex, the workspace's key),
-- each with the contact it went to. The unique index contacts_phone holds at one instant only; the pages are read
-- in separate transactions, and a number that moved between them (a WhatsApp number change, an edit, a merge) from
-- a contact already read to one not yet read would otherwise be given twice. Deleted when the snapshot is done or
-- the campaign cancelled; a contact's erasure takes its row with it.
create table campaign_snapshot_phones (
    campaign_id  uuid  not null references campaigns (id) on delete cascade,
    workspace_id uuid  not null references workspaces (id),
    phone_index  bytea not null,
    contact_id   uuid  not null references contacts (id) on delete cascade,
    primary key (campaign_id, phone_index)
);
create index campaign_snapshot_phones_contact on campaign_snapshot_phones (contact_id);

-- The breach register in keyset pages (newest detection first, ties by id): the index walks straight to a page's
-- position whatever the register's size. It replaces breaches_workspace (its prefix).
create index breaches_newest on breaches (workspace_id, detected_at, id);
drop index breaches_workspace;
-- Each listed breach shows how many people were notified: counted from the notified rows only, not the whole list.
create index breach_affected_notified on breach_affected (breach_id) where notified_at is not null;

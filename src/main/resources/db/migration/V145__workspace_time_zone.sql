-- The time zone a workspace's pages show times in and count "today" by. Null: the install's default
-- (maxmysales.tenancy.default-time-zone), so a change of that default reaches every workspace that chose none.
alter table workspaces add column time_zone text;

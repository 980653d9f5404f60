-- The operator's dead-letter page names the workspaces a parked event was for (issue 13), by id only. The body is
-- encrypted and may be what fails to parse, so the workspaces are found once, when the event is parked, and kept.
-- Null: parked before this column, or its body could not be read.
alter table webhook_events add column workspace_ids uuid[];

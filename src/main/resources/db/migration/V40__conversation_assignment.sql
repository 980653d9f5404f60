-- The agent a conversation is assigned to (lead follow-up round-robin, later the inbox). A member who leaves
-- the workspace leaves their conversations unassigned rather than blocking their removal.
alter table conversations
    add column assignee_id uuid references business_users (id) on delete set null;
create index conversations_assignee on conversations (workspace_id, assignee_id) where assignee_id is not null;

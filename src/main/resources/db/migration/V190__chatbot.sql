-- The chatbot of a workspace: whether it answers, its business hours and away message, the key that signs its
-- calls to the business's own endpoint, and the optional LLM (its API key encrypted). One row per workspace.
create table chatbot_settings (
    workspace_id uuid primary key references workspaces (id),
    enabled boolean not null default false,
    business_hours jsonb,
    away_message text,
    signing_secret bytea,
    llm_enabled boolean not null default false,
    llm_base_url text,
    llm_model text,
    llm_api_key bytea,
    updated_at timestamptz not null
);

-- A flow as the editor keeps it (draft) and as the bot runs it (live: the draft last published). JSON, checked
-- before it is stored.
create table chatbot_flows (
    workspace_id uuid not null references workspaces (id),
    id uuid not null,
    name text not null,
    draft jsonb not null,
    live jsonb,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (workspace_id, id)
);

-- Where the bot is in each conversation: running a flow (waiting at a step), handed off to a person, or stopped
-- because an agent took it. Survives restarts; a waiting step expires. last_message_id makes a retried event
-- harmless: a message the session has already moved on is not applied twice.
create table chatbot_sessions (
    workspace_id uuid not null references workspaces (id),
    conversation_id uuid not null,
    contact_id uuid not null,
    state text not null,
    flow_id uuid,
    step_id text,
    retries int not null default 0,
    expires_at timestamptz,
    last_message_id uuid,
    updated_at timestamptz not null,
    primary key (workspace_id, conversation_id)
);

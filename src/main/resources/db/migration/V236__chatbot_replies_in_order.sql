-- The bot's replies of one conversation reach Meta one after the other (a greeting, then its menu): the first is
-- queued at once, each one after it waits here until the reply before it was accepted (or failed). Short-lived rows;
-- the message is AES-256-GCM ciphertext like every message body.
create table chatbot_replies (
    id              uuid        primary key,
    workspace_id    uuid        not null references workspaces (id),
    conversation_id uuid        not null,
    position        bigint      generated always as identity,
    contact_id      uuid        not null,
    channel_id      uuid        not null,
    idempotency_key text        not null,
    message_type    text        not null,
    message         bytea       not null,
    -- the bot's message this one waits for; null while an earlier row of the conversation waits
    after_message_id uuid,
    created_at      timestamptz not null
);
create index chatbot_replies_conversation on chatbot_replies (workspace_id, conversation_id, position);
create index chatbot_replies_after on chatbot_replies (after_message_id) where after_message_id is not null;

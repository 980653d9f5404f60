-- What Meta said about each message template of a connected WhatsApp Business Account (issue 13): its review
-- status (with the reason and what else Meta explained), its quality score and its category, each as of Meta's
-- latest word on it (webhooks come out of order, so each keeps the time it was said). One row per workspace,
-- account, name and language: the key a send names a template by. No personal data.
create table message_templates (
    id                  uuid        primary key,
    workspace_id        uuid        not null references workspaces (id),
    waba_id             text        not null,
    name                text        not null,
    language            text        not null,
    meta_template_id    text,
    status              text,
    reason              text,
    status_detail       text,
    status_updated_at   timestamptz,
    quality             text,
    previous_quality    text,
    quality_updated_at  timestamptz,
    category            text,
    previous_category   text,
    category_updated_at timestamptz,
    updated_at          timestamptz not null
);
create unique index message_templates_key on message_templates (workspace_id, waba_id, name, language);
create index message_templates_listed on message_templates (workspace_id, updated_at, id);

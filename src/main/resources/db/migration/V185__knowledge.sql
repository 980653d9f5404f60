-- A workspace's own FAQ and intent examples. A workspace with no row in knowledge_datasets for a kind answers with
-- the defaults inside the jar (the demo datasets); the first upload or edit gives it its own, which may be empty.
create table knowledge_datasets (
    workspace_id uuid        not null references workspaces (id),
    kind         text        not null check (kind in ('faq', 'intents')),
    -- From one sequence, so that a node's cached index is stale exactly when the number it was built at differs.
    revision     bigint      not null,
    changed_at   timestamptz not null,
    primary key (workspace_id, kind)
);

create sequence knowledge_revisions;

create table knowledge_faq_entries (
    workspace_id   uuid   not null references workspaces (id),
    id             uuid   not null,
    position       int    not null,
    question       text   not null,
    answer         text   not null,
    -- The embedding of the question's matching form, computed once on first use; embedded_form says which form
    -- it was computed from, so that a change of the normalisation recomputes it instead of matching a stale one.
    embedded_form  text,
    embedding      bytea,
    primary key (workspace_id, id)
);

create table knowledge_intent_examples (
    workspace_id   uuid   not null references workspaces (id),
    id             uuid   not null,
    position       int    not null,
    text           text   not null,
    intent         text   not null,
    embedded_form  text,
    embedding      bytea,
    primary key (workspace_id, id)
);

create index knowledge_intent_examples_by_intent on knowledge_intent_examples (workspace_id, intent);

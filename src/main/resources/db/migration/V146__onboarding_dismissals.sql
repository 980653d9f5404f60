-- An owner or admin hid the dashboard's onboarding checklist before every step was done. Whether a step is done
-- is never stored: it is read from the workspace's data each time.
create table onboarding_dismissals (
    workspace_id uuid        primary key references workspaces (id),
    dismissed_by uuid        references business_users (id) on delete set null,
    dismissed_at timestamptz not null
);

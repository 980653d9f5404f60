-- A member's dismissal of a dashboard notice. The title dismissed is kept: when the notice escalates (a breach
-- report "due soon", then "overdue") its title changes and the notice shows again.
create table notice_dismissals (
    workspace_id uuid        not null references workspaces (id),
    user_id      uuid        not null,
    notice_id    uuid        not null references workspace_notices (id) on delete cascade,
    title        text        not null,
    dismissed_at timestamptz not null,
    primary key (workspace_id, user_id, notice_id)
);

-- API keys act with a role, never above their creator's (docs/roles.md). Keys made before roles existed keep
-- what they could do: their creator's role, or owner for the operator's keys (which have no creator).
alter table api_keys add column role text check (role in ('owner', 'admin', 'agent', 'analyst'));
update api_keys k set role = coalesce((select u.role from business_users u where u.id = k.created_by), 'owner');
alter table api_keys alter column role set not null;
create index api_keys_created_by on api_keys (created_by) where revoked_at is null;

-- A member can be disabled (and enabled again) or removed. A removed member's row stays, for the ids the
-- audit log and assignments point to, but their email, name and password hash are erased: the email can sign
-- up again, and nothing personal is left.
alter table business_users
    add column status text not null default 'active' check (status in ('active', 'disabled', 'removed')),
    add column status_changed_at timestamptz,
    alter column email drop not null;
alter table business_users add constraint business_users_removed_erased
    check (status <> 'removed' or (email is null and password_hash = ''));

-- Pending invitations can be revoked; an API key can invite (an operator-made workspace has no person yet).
alter table member_invitations
    add column revoked_at timestamptz,
    add column invited_by_key uuid references api_keys (id),
    alter column invited_by drop not null;

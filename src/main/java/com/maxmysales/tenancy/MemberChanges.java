package com.maxmysales.tenancy;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.UUID;

import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An owner or admin changes a member's role, disables, enables or removes them (see {@link TeamRules}). Each
 * change is audited. A disabled or removed member's sessions end at once and the API keys they created are
 * revoked; after a role change, so are their keys above the new role, since a key is never above its creator.
 */
@Service
public class MemberChanges {

    private final BusinessUsers users;
    private final ApiKeys keys;
    private final MemberSessions sessions;
    private final AuditLog audit;
    private final Clock clock;

    MemberChanges(BusinessUsers users, ApiKeys keys, MemberSessions sessions, AuditLog audit, Clock clock) {
        this.users = users;
        this.keys = keys;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Member changeRole(WorkspaceMember actor, UUID memberId, Role role) {
        var target = target(actor, memberId);
        TeamRules.requireMayGrant(actor, role);
        if (target.role() != role) {
            users.changeRole(memberId, role);
            revokeKeys(actor, target, Arrays.stream(Role.values()).filter(keyRole -> !role.covers(keyRole)).toList());
            audit.record(actor.workspaceId(), "member.role-change", "memberId=" + memberId,
                    "from=" + target.role().code() + ",to=" + role.code());
        }
        return users.find(actor.workspaceId(), memberId).orElseThrow();
    }

    @Transactional
    public Member disable(WorkspaceMember actor, UUID memberId) {
        var target = target(actor, memberId);
        if (target.status() == MemberStatus.ACTIVE) {
            users.changeStatus(memberId, MemberStatus.DISABLED, clock.instant());
            revokeKeys(actor, target, EnumSet.allOf(Role.class));
            sessions.endAll(memberId);
            audit.record(actor.workspaceId(), "member.disable", "memberId=" + memberId, null);
        }
        return users.find(actor.workspaceId(), memberId).orElseThrow();
    }

    @Transactional
    public Member enable(WorkspaceMember actor, UUID memberId) {
        var target = target(actor, memberId);
        if (target.status() == MemberStatus.DISABLED) {
            users.changeStatus(memberId, MemberStatus.ACTIVE, clock.instant());
            audit.record(actor.workspaceId(), "member.enable", "memberId=" + memberId, null);
        }
        return users.find(actor.workspaceId(), memberId).orElseThrow();
    }

    /** Removes a member for good: their email, name and password are erased; the id stays in the records. */
    @Transactional
    public void remove(WorkspaceMember actor, UUID memberId) {
        var target = target(actor, memberId);
        users.remove(memberId, clock.instant());
        revokeKeys(actor, target, EnumSet.allOf(Role.class));
        sessions.endAll(memberId);
        audit.record(actor.workspaceId(), "member.remove", "memberId=" + memberId, "role=" + target.role().code());
    }

    private Member target(WorkspaceMember actor, UUID memberId) {
        var target = users.lock(actor.workspaceId(), memberId)
                .orElseThrow(() -> Refusal.notFound("member " + memberId));
        TeamRules.requireMayActOn(actor, target);
        return target;
    }

    private void revokeKeys(WorkspaceMember actor, Member target, Collection<Role> roles) {
        for (var key : keys.revokeCreatedBy(actor.workspaceId(), target.id(), roles, clock.instant())) {
            audit.record(actor.workspaceId(), "api-key.revoke", "apiKeyId=" + key, "reason=creator-changed");
        }
    }
}

package com.maxmysales.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.maxmysales.platform.Cursor;
import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.Secret;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Growing a workspace's team: an owner or admin (or an API key with their role) invites someone by email with
 * a role and hands them the one-time link; whoever opens it sets their own name and password. No password ever
 * passes through the inviter's hands. Open invitations can be revoked; every step is audited.
 */
@Service
public class Team {

    static final Duration INVITATION_LIFETIME = Duration.ofDays(7);

    private final Invitations invitations;
    private final BusinessUsers users;
    private final SignUp signUp;
    private final AuditLog audit;
    private final Clock clock;

    Team(Invitations invitations, BusinessUsers users, SignUp signUp, AuditLog audit, Clock clock) {
        this.invitations = invitations;
        this.users = users;
        this.signUp = signUp;
        this.audit = audit;
        this.clock = clock;
    }

    public NewInvitation invite(WorkspaceMember inviter, @Nullable String email, Role role) {
        TeamRules.requireMayGrant(inviter, role);
        var address = EmailAddress.parse(email).map(EmailAddress::value).orElse("");
        if (address.isEmpty()) {
            throw Refusal.invalid("invalid-request", "Invalid request", "enter a valid email address");
        }
        if (users.emailTaken(address)) {
            throw Refusal.conflict("member-exists", "Already a user", "this email already has an account");
        }
        var token = TokenHash.newToken("inv_");
        var id = UUID.randomUUID();
        var now = clock.instant();
        var expiresAt = now.plus(INVITATION_LIFETIME);
        invitations.insert(id, inviter.workspaceId(), address, role, TokenHash.of(token),
                inviter instanceof BusinessUserPrincipal user ? user.userId() : null,
                inviter instanceof ApiKeyPrincipal key ? key.keyId() : null, now, expiresAt);
        audit.record(inviter.workspaceId(), "member.invite", "invitationId=" + id, "role=" + role.code());
        return new NewInvitation(id, Secret.of(token), expiresAt);
    }

    public List<Invitation> invitations(WorkspaceId workspace) {
        return invitations.open(workspace, clock.instant());
    }

    /** The team and what this owner or admin may do to it, for the team page. */
    public TeamOverview overview(WorkspaceMember viewer) {
        var members = new ArrayList<Member>();
        Cursor after = null;
        List<Member> page;
        do {
            page = users.page(viewer.workspaceId(), after, 500);
            members.addAll(page);
            after = page.isEmpty() ? null : page.getLast().cursor();
        } while (page.size() == 500);
        var manageable = members.stream().filter(member -> TeamRules.mayActOn(viewer, member)).map(Member::id)
                .collect(Collectors.toSet());
        return new TeamOverview(members, manageable, TeamRules.grantable(viewer), invitations(viewer.workspaceId()));
    }

    /** Revokes an open invitation: its link stops working at once. */
    public void revoke(WorkspaceMember actor, UUID invitationId) {
        var invitation = invitations.open(actor.workspaceId(), clock.instant()).stream()
                .filter(open -> open.id().equals(invitationId)).findFirst()
                .orElseThrow(() -> Refusal.notFound("invitation " + invitationId));
        TeamRules.requireMayGrant(actor, invitation.role());
        if (!invitations.revoke(actor.workspaceId(), invitationId, clock.instant())) {
            throw Refusal.notFound("invitation " + invitationId);
        }
        audit.record(actor.workspaceId(), "member.invitation-revoke", "invitationId=" + invitationId, null);
    }

    public Optional<PendingInvitation> pending(String token) {
        return token == null ? Optional.empty() : invitations.findOpen(TokenHash.of(token), clock.instant());
    }

    /** @return the problems with the form, empty when the new member was added */
    @Transactional
    public Map<String, String> accept(String token, String displayName, String password, boolean adult,
            boolean acceptNotice) {
        var invitation = pending(token).orElseThrow(() -> Refusal.notFound("invitation"));
        var errors = signUp.validate(displayName, invitation.email(), password, adult, acceptNotice);
        if (users.emailTaken(invitation.email())) {
            errors.put("email", "This email has an account already: sign in with it, or ask for a new invitation.");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        if (!invitations.markAccepted(invitation.id(), clock.instant())) {
            throw Refusal.notFound("invitation");
        }
        var member = signUp.addUser(invitation.workspaceId(), displayName, EmailAddress.of(invitation.email()), password,
                invitation.role());
        audit.record(invitation.workspaceId(), "member.join", "memberId=" + member,
                "invitationId=" + invitation.id() + ",role=" + invitation.role().code());
        return Map.of();
    }
}

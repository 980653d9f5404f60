package com.maxmysales.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.platform.ApiProblem;
import com.maxmysales.shared.Secret;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Growing a workspace's team: an owner or admin invites someone by email with a role and hands them the
 * one-time link; whoever opens it sets their own name and password. No password ever passes through
 * the inviter's hands.
 */
@Service
public class Team {

    static final Duration INVITATION_LIFETIME = Duration.ofDays(7);

    private final Invitations invitations;
    private final BusinessUsers users;
    private final SignUp signUp;
    private final Clock clock;

    Team(Invitations invitations, BusinessUsers users, SignUp signUp, Clock clock) {
        this.invitations = invitations;
        this.users = users;
        this.signUp = signUp;
        this.clock = clock;
    }

    /** @return the token of the invitation link: shown once, only its hash is kept */
    public Secret invite(BusinessUserPrincipal inviter, String email, Role role) {
        if (!inviter.role().managesWorkspace()) {
            throw ApiProblem.forbidden("only owners and admins invite team members");
        }
        if (role == Role.OWNER) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-role", "Invalid role", "a workspace has one owner");
        }
        var address = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "enter a valid email address");
        }
        if (users.emailTaken(address)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "member-exists", "Already a user", "this email already has an account");
        }
        var token = TokenHash.newToken("inv_");
        var now = clock.instant();
        invitations.insert(UUID.randomUUID(), inviter.workspaceId(), address, role, TokenHash.of(token),
                inviter.userId(), now, now.plus(INVITATION_LIFETIME));
        return Secret.of(token);
    }

    public Optional<PendingInvitation> pending(String token) {
        return token == null ? Optional.empty() : invitations.findOpen(TokenHash.of(token), clock.instant());
    }

    /** @return the problems with the form, empty when the new member was added */
    @Transactional
    public Map<String, String> accept(String token, String displayName, String password, boolean adult,
            boolean acceptNotice) {
        var invitation = pending(token).orElseThrow(() -> ApiProblem.notFound("invitation"));
        var errors = signUp.validate(displayName, invitation.email(), password, adult, acceptNotice);
        if (!errors.isEmpty()) {
            return errors;
        }
        if (!invitations.markAccepted(invitation.id(), clock.instant())) {
            throw ApiProblem.notFound("invitation");
        }
        signUp.addUser(invitation.workspaceId(), displayName, invitation.email(), password, invitation.role());
        return Map.of();
    }
}

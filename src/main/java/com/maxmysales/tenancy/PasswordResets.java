package com.maxmysales.tenancy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.Secret;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting a new password by one-time link. An owner or admin issues one for a member (see {@link TeamRules}):
 * the member's password stops working and their sessions end at once, and the link, shown once like an
 * invitation's, lets them choose a new one; the admin never knows it. A person can also ask for a link by email
 * ({@link #forEmail}), which is how the owner, whom nobody else may reset, gets back in.
 */
@Service
public class PasswordResets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordResetLinks links;
    private final BusinessUsers users;
    private final PasswordEncoder passwords;
    private final MemberSessions sessions;
    private final AuditLog audit;
    private final TenancySettings settings;
    private final Clock clock;

    PasswordResets(PasswordResetLinks links, BusinessUsers users, PasswordEncoder passwords, MemberSessions sessions,
            AuditLog audit, TenancySettings settings, Clock clock) {
        this.links = links;
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    public record NewReset(Secret token, Instant expiresAt) {}

    /** An owner or admin resets a member's password: it stops working now, and the link sets a new one. */
    @Transactional
    public NewReset issue(WorkspaceMember actor, UUID memberId) {
        var member = users.lock(actor.workspaceId(), memberId)
                .orElseThrow(() -> Refusal.notFound("member " + memberId));
        TeamRules.requireMayActOn(actor, member);
        users.changePassword(memberId, passwords.encode(unguessable()));
        sessions.endAll(memberId);
        var reset = newLink(member.id(), actor.workspaceId(), TeamRules.actorId(actor),
                clock.instant().plus(settings.resetLinkLifetime()));
        audit.record(actor.workspaceId(), "member.password-reset-issue", "memberId=" + memberId, null);
        return reset;
    }

    /**
     * A link for the active account of this email, to be mailed to it; empty for any other email. The caller
     * answers the same either way.
     */
    @Transactional
    public Optional<NewReset> forEmail(EmailAddress email) {
        return users.findForLogin(email.value()).map(user -> newLink(user.userId(),
                user.workspaceId(), "self", clock.instant().plus(settings.emailedResetLinkLifetime())));
    }

    public boolean isOpen(String token) {
        return token != null && links.findOpen(TokenHash.of(token), clock.instant()).isPresent();
    }

    /** @return the problems with the new password, empty when it was set */
    @Transactional
    public Map<String, String> complete(String token, String password) {
        var reset = links.findOpen(TokenHash.of(token), clock.instant())
                .orElseThrow(() -> Refusal.notFound("password reset link"));
        var problem = SignUp.passwordProblem(password);
        if (problem.isPresent()) {
            return Map.of("password", problem.get());
        }
        if (!links.markUsed(reset.id(), clock.instant())) {
            throw Refusal.notFound("password reset link");
        }
        users.changePassword(reset.userId(), passwords.encode(password));
        sessions.endAll(reset.userId());
        audit.record(reset.workspace(), "member.password-reset", "memberId=" + reset.userId(), null);
        return Map.of();
    }

    private NewReset newLink(UUID userId, WorkspaceId workspace, String issuedBy,
            Instant expiresAt) {
        var token = TokenHash.newToken("pwr_");
        links.insert(UUID.randomUUID(), workspace, userId, TokenHash.of(token), issuedBy, clock.instant(), expiresAt);
        return new NewReset(Secret.of(token), expiresAt);
    }

    private static String unguessable() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}

package com.maxmysales.tenancy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;


/**
 * Who may do what to whom in a team, the same for a person and an API key: members are managed by owners and
 * admins, admins by the owner alone, the owner by nobody, and nobody changes, disables or removes themselves
 * (a workspace must not lose its last way in by a slip).
 */
final class TeamRules {

    private TeamRules() {
    }

    static void requireMayGrant(WorkspaceMember actor, Role role) {
        refusalToGrant(actor, role).ifPresent(refusal -> {
            throw refusal;
        });
    }

    static void requireMayActOn(WorkspaceMember actor, Member target) {
        refusalToActOn(actor, target).ifPresent(refusal -> {
            throw refusal;
        });
    }

    /** The roles the actor may give a person, least powerful first, for pages to offer only those. */
    static List<Role> grantable(WorkspaceMember actor) {
        return Stream.of(Role.AGENT, Role.ANALYST, Role.ADMIN).filter(role -> refusalToGrant(actor, role).isEmpty())
                .toList();
    }

    static boolean mayActOn(WorkspaceMember actor, Member target) {
        return refusalToActOn(actor, target).isEmpty();
    }

    private static Optional<Refusal> refusalToGrant(WorkspaceMember actor, Role role) {
        if (!actor.role().allows(Permission.MEMBERS_MANAGE)) {
            return Optional.of(Refusal.forbidden("only owners and admins manage the team"));
        }
        if (role == Role.OWNER) {
            return Optional.of(Refusal.invalid("invalid-role", "Invalid role",
                    "a workspace has one owner"));
        }
        if (role == Role.ADMIN && !actor.role().allows(Permission.ADMINS_MANAGE)) {
            return Optional.of(Refusal.forbidden("only the owner makes someone an admin"));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refusalToActOn(WorkspaceMember actor, Member target) {
        if (!actor.role().allows(Permission.MEMBERS_MANAGE)) {
            return Optional.of(Refusal.forbidden("only owners and admins manage the team"));
        }
        if (actor instanceof BusinessUserPrincipal user && user.userId().equals(target.id())) {
            return Optional.of(Refusal.conflict("own-membership", "Your own membership",
                    "you cannot change, disable, remove or reset yourself; ask another admin or the owner"));
        }
        if (target.role() == Role.OWNER) {
            return Optional.of(Refusal.forbidden(
                    "the workspace's owner cannot be changed, disabled, removed or reset by others"));
        }
        if (target.role() == Role.ADMIN && !actor.role().allows(Permission.ADMINS_MANAGE)) {
            return Optional.of(Refusal.forbidden("only the owner manages admins"));
        }
        return Optional.empty();
    }

    /** How records name whoever acted. */
    static String actorId(WorkspaceMember actor) {
        return switch (actor) {
            case BusinessUserPrincipal user -> "user:" + user.userId();
            case ApiKeyPrincipal key -> "api-key:" + key.keyId();
        };
    }
}

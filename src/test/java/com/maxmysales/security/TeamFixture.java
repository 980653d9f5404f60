package com.maxmysales.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;
import com.maxmysales.tenancy.Team;
import com.maxmysales.tenancy.WorkspaceManagement;

/**
 * A workspace with one person of each role, each with a password, and an API key of each role, made the way a
 * business makes them: the owner signs up, invites the others, who accept; the owner creates the keys.
 */
public final class TeamFixture {

    public static final String PASSWORD = "a long enough password";

    public final WorkspaceId workspace;
    public final Map<Role, UUID> members = new EnumMap<>(Role.class);
    public final Map<Role, String> emails = new EnumMap<>(Role.class);
    public final Map<Role, String> keys = new EnumMap<>(Role.class);

    public TeamFixture(SignUp signUp, Team team, ApiKeyManagement apiKeys, WorkspaceManagement workspaces, String name) {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var ownerEmail = "owner-" + run + "@" + name.toLowerCase().replaceAll("[^a-z]", "") + ".example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form(name, "Olga Owner", ownerEmail, PASSWORD,
                true, true));
        workspace = created.workspace();
        members.put(Role.OWNER, created.owner());
        emails.put(Role.OWNER, ownerEmail);
        var owner = owner();
        for (var role : new Role[] {Role.ADMIN, Role.AGENT, Role.ANALYST}) {
            var email = role.code() + "-" + run + "@" + name.toLowerCase().replaceAll("[^a-z]", "") + ".example";
            var invitation = team.invite(owner, email, role);
            var errors = team.accept(invitation.token().reveal(), "A " + role.code(), PASSWORD, true, true);
            if (!errors.isEmpty()) {
                throw new IllegalStateException(errors.toString());
            }
            emails.put(role, email);
        }
        for (var member : workspaces.members(workspace, null, 100).items()) {
            members.put(member.role(), member.id());
        }
        for (var role : Role.values()) {
            keys.put(role, apiKeys.create(owner, role.code() + " key", role).key().reveal());
        }
    }

    public BusinessUserPrincipal owner() {
        return new BusinessUserPrincipal(members.get(Role.OWNER), workspace, Role.OWNER, null);
    }

    /** A browser session signed in as the person with this role, from an address of its own. */
    public WebSession signedIn(int port, Role role) {
        var session = new WebSession(port, WebSession.newClientAddress());
        if (!session.signIn(emails.get(role), PASSWORD)) {
            throw new IllegalStateException(role + " could not sign in");
        }
        return session;
    }
}

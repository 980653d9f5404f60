package com.maxmysales.tenancy;

import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * A signed-in person as they are now rather than as they were at login: a session outlives a role change, a
 * disabling or a removal, so every request of the web app is checked against this before it is served.
 */
@Service
public class SignedInMembers {

    private final BusinessUsers users;

    SignedInMembers(BusinessUsers users) {
        this.users = users;
    }

    /** @return the person with their current role; empty once they were disabled or removed */
    public Optional<BusinessUserPrincipal> current(BusinessUserPrincipal signedIn) {
        return users.findActive(signedIn.userId())
                .filter(now -> now.workspaceId().equals(signedIn.workspaceId()));
    }
}

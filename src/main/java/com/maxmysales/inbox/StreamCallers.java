package com.maxmysales.inbox;

import java.util.Optional;

import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.ApiKeyPrincipal;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.SignedInMembers;
import com.maxmysales.tenancy.WorkspaceMember;

import org.springframework.stereotype.Component;

/**
 * Who holds an open event stream, as they are now: a stream outlives the request that opened it, so the person's role
 * and status, or the key's, are read again while it is open.
 */
@Component
class StreamCallers {

    private final SignedInMembers members;
    private final ApiKeyManagement keys;

    StreamCallers(SignedInMembers members, ApiKeyManagement keys) {
        this.members = members;
        this.keys = keys;
    }

    /** @return empty once the person was disabled or removed, or the key revoked */
    Optional<WorkspaceMember> current(WorkspaceMember caller) {
        return switch (caller) {
            case BusinessUserPrincipal person -> members.current(person).map(WorkspaceMember.class::cast);
            case ApiKeyPrincipal key -> keys.current(key).map(WorkspaceMember.class::cast);
        };
    }
}

package com.maxmysales.tenancy;

import java.util.UUID;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a person's web sessions on every node at once: sessions live in PostgreSQL, indexed by the principal
 * name, which is the user id. A request already under way is caught by the per-request check of
 * {@link SignedInMembers}.
 */
@Component
class MemberSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    MemberSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    void endAll(UUID userId) {
        sessions.findByPrincipalName(userId.toString()).keySet().forEach(sessions::deleteById);
    }
}

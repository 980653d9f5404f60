package com.maxmysales.tenancy;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.privacy.audit.ActorNames;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit log's actors as people read them: a member by their name, an API key by its name. */
@Component
class AuditActorNames implements ActorNames {

    private static final String USER = "user:";
    private static final String KEY = "api-key:";

    private final JdbcClient jdbc;

    AuditActorNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> namesOf(WorkspaceId workspace, Collection<String> actors) {
        var names = new HashMap<String, String>();
        var users = ids(actors, USER);
        if (!users.isEmpty()) {
            // A removed member's name is erased (V70): they stay "a former member".
            jdbc.sql("select id, display_name, status from business_users where workspace_id = :w and id in (:ids)")
                    .param("w", workspace.value()).param("ids", users)
                    .query((rs, n) -> names.put(USER + rs.getObject(1, UUID.class),
                            "removed".equals(rs.getString(3)) ? "a former member" : rs.getString(2)))
                    .list();
        }
        var keys = ids(actors, KEY);
        if (!keys.isEmpty()) {
            jdbc.sql("select id, name from api_keys where workspace_id = :w and id in (:ids)")
                    .param("w", workspace.value()).param("ids", keys)
                    .query((rs, n) -> names.put(KEY + rs.getObject(1, UUID.class), "API key “" + rs.getString(2) + "”"))
                    .list();
        }
        return names;
    }

    private static java.util.List<UUID> ids(Collection<String> actors, String prefix) {
        return actors.stream().filter(actor -> actor.startsWith(prefix))
                .map(actor -> actor.substring(prefix.length()))
                .flatMap(id -> {
                    try {
                        return java.util.stream.Stream.of(UUID.fromString(id));
                    } catch (IllegalArgumentException notAnId) {
                        return java.util.stream.Stream.empty();
                    }
                })
                .distinct().toList();
    }
}

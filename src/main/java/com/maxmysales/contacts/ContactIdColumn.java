package com.maxmysales.contacts;

import java.util.List;
import java.util.UUID;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The references of a table whose rows name their contact in a {@code contact_id} column (and have a uuid
 * {@code id}): a module extends it with its table's name, which is also the kind its ids are kept under.
 */
public abstract class ContactIdColumn implements ContactReferences {

    private final JdbcClient jdbc;
    private final String table;

    protected ContactIdColumn(JdbcClient jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    @Override
    public String kind() {
        return table;
    }

    @Override
    public List<UUID> move(WorkspaceId workspace, ContactId from, ContactId to) {
        return jdbc.sql("update " + table + " set contact_id = :to where workspace_id = :workspace and contact_id = :from returning id")
                .param("workspace", workspace.value()).param("from", from.value()).param("to", to.value())
                .query(UUID.class).list();
    }

    @Override
    public void moveBack(WorkspaceId workspace, List<UUID> ids, ContactId from, ContactId to) {
        jdbc.sql("update " + table + " set contact_id = :to where workspace_id = :workspace and contact_id = :from and id in (:ids)")
                .param("workspace", workspace.value()).param("from", from.value()).param("to", to.value())
                .param("ids", ids).update();
    }
}

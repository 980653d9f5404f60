package com.maxmysales.integrations;

import java.util.List;
import java.util.UUID;

import com.maxmysales.contacts.ContactReferences;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Outbound webhook deliveries follow a merged contact, so that an erasure of the person still finds them. */
@Component
class DeliveriesOfMergedContacts implements ContactReferences {

    private final JdbcClient jdbc;

    DeliveriesOfMergedContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "webhook_deliveries";
    }

    @Override
    public List<UUID> move(WorkspaceId workspace, ContactId from, ContactId to) {
        return jdbc.sql("update webhook_deliveries set contact_id = :to where workspace_id = :workspace and contact_id = :from returning id")
                .param("workspace", workspace.value()).param("from", from.value()).param("to", to.value())
                .query(UUID.class).list();
    }

    @Override
    public void moveBack(WorkspaceId workspace, List<UUID> ids, ContactId from, ContactId to) {
        jdbc.sql("update webhook_deliveries set contact_id = :to where workspace_id = :workspace and contact_id = :from and id in (:ids)")
                .param("workspace", workspace.value()).param("from", from.value()).param("to", to.value())
                .param("ids", ids).update();
    }
}

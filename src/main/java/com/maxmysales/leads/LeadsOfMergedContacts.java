package com.maxmysales.leads;

import java.util.List;
import java.util.UUID;

import com.maxmysales.contacts.ContactReferences;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Leads follow a merged contact: the lead list, assignment and analytics see one person. */
@Component
class LeadsOfMergedContacts implements ContactReferences {

    private final JdbcClient jdbc;

    LeadsOfMergedContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "leads";
    }

    @Override
    public List<UUID> move(WorkspaceId workspace, ContactId from, ContactId to) {
        return jdbc.sql("update leads set contact_id = :to where workspace_id = :workspace and contact_id = :from returning id")
                .param("workspace", workspace.value()).param("from", from.value()).param("to", to.value())
                .query(UUID.class).list();
    }

    @Override
    public void moveBack(WorkspaceId workspace, List<UUID> ids, ContactId from, ContactId to) {
        jdbc.sql("update leads set contact_id = :to where workspace_id = :workspace and contact_id = :from and id in (:ids)")
                .param("workspace", workspace.value()).param("from", from.value()).param("to", to.value())
                .param("ids", ids).update();
    }
}

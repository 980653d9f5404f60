package com.maxmysales.campaigns;

import java.util.List;
import java.util.UUID;

import com.maxmysales.contacts.ContactReferences;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A merged contact's campaign rows follow it to the survivor instead of going with its deletion: its recipient row
 * of each campaign the survivor has none in (what it was sent, and its funnel, stay counted), and the phones a
 * snapshot in progress gave it. Without this, a merge in the middle of a snapshot (a number change onto a contact
 * already read, the younger merged into the older) deleted both, and the survivor, read on a later page with that
 * very number, was given it again: one person, two messages of one campaign. With its row, the survivor is recorded
 * already and its page skips it.
 */
@Component
class RecipientsOfMergedContacts implements ContactReferences {

    private final JdbcClient jdbc;

    RecipientsOfMergedContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "campaign_recipients";
    }

    /** @return the campaigns whose recipient row moved */
    @Override
    public List<UUID> move(WorkspaceId workspace, ContactId from, ContactId to) {
        jdbc.sql("""
                update campaign_snapshot_phones set contact_id = :to
                where workspace_id = :workspace and contact_id = :from
                """)
                .param("workspace", workspace.value()).param("from", from.value()).param("to", to.value()).update();
        return jdbc.sql("""
                update campaign_recipients r set contact_id = :to
                where r.workspace_id = :workspace and r.contact_id = :from
                  and not exists (select 1 from campaign_recipients s
                                  where s.campaign_id = r.campaign_id and s.contact_id = :to)
                returning r.campaign_id
                """)
                .param("workspace", workspace.value()).param("from", from.value()).param("to", to.value())
                .query(UUID.class).list();
    }

    /** The recipient rows go back to the contact the undo gives back; the snapshot's phones stay where they are. */
    @Override
    public void moveBack(WorkspaceId workspace, List<UUID> campaigns, ContactId from, ContactId to) {
        if (campaigns.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update campaign_recipients set contact_id = :to
                where workspace_id = :workspace and contact_id = :from and campaign_id in (:campaigns)
                """)
                .param("workspace", workspace.value()).param("from", from.value()).param("to", to.value())
                .param("campaigns", campaigns).update();
    }
}

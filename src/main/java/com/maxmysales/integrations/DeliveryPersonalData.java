package com.maxmysales.integrations;

import java.util.List;
import java.util.Map;

import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.PersonalDataHolder;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Webhook deliveries copy message text to the business's own systems: an erasure removes our copies, and
 * the access export names the business's endpoints as recipients.
 */
@Component
class DeliveryPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;

    DeliveryPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String category() {
        return "webhook deliveries to the business's systems";
    }

    @Override
    public List<Map<String, Object>> export(WorkspaceId workspace, DataSubject subject) {
        if (subject.contacts().isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select d.event_type, d.state, d.created_at, s.url from webhook_deliveries d
                join webhook_subscriptions s on s.id = d.subscription_id
                where d.workspace_id = :workspace and d.contact_id in (:contacts) order by d.created_at
                """)
                .param("workspace", workspace.value())
                .param("contacts", subject.contacts().stream().map(ContactId::value).toList())
                .query((rs, n) -> Map.<String, Object>of("event", rs.getString(1), "state", rs.getString(2),
                        "createdAt", rs.getTimestamp(3).toInstant().toString(), "sharedWith", rs.getString(4)))
                .list();
    }

    @Override
    public int erase(WorkspaceId workspace, DataSubject subject) {
        if (subject.contacts().isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from webhook_deliveries where workspace_id = :workspace and contact_id in (:contacts)")
                .param("workspace", workspace.value())
                .param("contacts", subject.contacts().stream().map(ContactId::value).toList())
                .update();
    }
}

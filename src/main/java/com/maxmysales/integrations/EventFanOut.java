package com.maxmysales.integrations;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.messaging.ConversationQueries;
import com.maxmysales.messaging.Message;
import com.maxmysales.messaging.MessageReceived;
import com.maxmysales.messaging.MessageStatusChanged;
import com.maxmysales.platform.PerTransaction;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns messaging's events into one pending delivery per interested subscription. Each delivery's key
 * (event and message, and status) is unique, so an event handled twice queues nothing twice.
 * <p>
 * The deliveries are queued in the transaction that publishes the event, just before it commits: the
 * {@code webhook_deliveries} row is itself the durable, retried record of the event, so a copy in Spring
 * Modulith's event registry would only add an insert, an asynchronous transaction and two updates to every
 * received message and every status change, for workspaces that mostly subscribe to nothing.
 * An event published outside a transaction is not fanned out, as before.
 */
@Component
class EventFanOut {

    static final String PAYLOAD_FIELD = "webhook_deliveries.payload";

    private final JdbcClient jdbc;
    private final ConversationQueries messages;
    private final ContactDirectory contacts;
    private final FieldCipher cipher;
    private final JsonMapper json;
    private final DeliverySignal signal;
    private final Clock clock;
    private final PerTransaction<Subscribed, Boolean> subscriptions;

    EventFanOut(JdbcClient jdbc, ConversationQueries messages, ContactDirectory contacts, FieldCipher cipher,
            JsonMapper json, DeliverySignal signal, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.contacts = contacts;
        this.cipher = cipher;
        this.json = json;
        this.signal = signal;
        this.clock = clock;
        this.subscriptions = new PerTransaction<>(this::anySubscription);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(MessageReceived received) {
        if (!subscribed(received.workspaceId(), "message.received")) {
            return;
        }
        var message = messages.message(received.workspaceId(), received.messageId());
        var contact = contacts.get(received.workspaceId(), received.contactId());
        var body = envelope("message.received", received.workspaceId());
        var fields = messageFields(message);
        fields.put("from", contact.phone() == null ? null : contact.phone().e164());
        fields.put("profileName", contact.name());
        body.put("message", fields);
        queue(received.workspaceId(), "message.received", "received:" + message.id(), message, body);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(MessageStatusChanged changed) {
        if (!subscribed(changed.workspaceId(), "message.status")) {
            return;
        }
        var message = messages.message(changed.workspaceId(), changed.messageId());
        var body = envelope("message.status", changed.workspaceId());
        var fields = messageFields(message);
        fields.put("status", changed.status().apiCode());
        fields.put("errorCode", changed.errorCode());
        body.put("message", fields);
        queue(changed.workspaceId(), "message.status", "status:" + message.id() + ":" + changed.status().code(),
                message, body);
    }

    private void queue(WorkspaceId workspace, String type, String key, Message message, Map<String, Object> body) {
        var payload = cipher.encrypt(workspace, PAYLOAD_FIELD, json.writeValueAsString(body));
        var now = Timestamp.from(clock.instant());
        var queued = jdbc.sql("""
                insert into webhook_deliveries (id, workspace_id, subscription_id, event_type, event_key, contact_id,
                                                payload, next_attempt_at, created_at)
                select gen_random_uuid(), workspace_id, id, :type, :key, :contact, :payload, :now, :now
                from webhook_subscriptions
                where workspace_id = :workspace and disabled_at is null and :type = any(events)
                on conflict (subscription_id, event_key) do nothing
                """)
                .param("type", type).param("key", key).param("contact", message.contactId().value())
                .param("payload", payload).param("now", now).param("workspace", workspace.value())
                .update();
        if (queued > 0) {
            signal.afterCommit();
        }
    }

    /**
     * Most workspaces subscribe to nothing: they should not pay for decrypting a message per event. Asked once
     * per transaction and kind of event: a batch of a hundred webhook events asks a hundred times.
     */
    private boolean subscribed(WorkspaceId workspace, String type) {
        return subscriptions.get(new Subscribed(workspace, type));
    }

    private record Subscribed(WorkspaceId workspace, String type) {}

    private boolean anySubscription(Subscribed asked) {
        return jdbc.sql("""
                select exists (select 1 from webhook_subscriptions
                               where workspace_id = :workspace and disabled_at is null and :type = any(events))
                """)
                .param("workspace", asked.workspace().value()).param("type", asked.type())
                .query(Boolean.class).single();
    }

    private static Map<String, Object> envelope(String type, WorkspaceId workspace) {
        var body = new LinkedHashMap<String, Object>();
        body.put("event", type);
        body.put("workspaceId", workspace.toString());
        return body;
    }

    private static Map<String, Object> messageFields(Message message) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("id", message.id().toString());
        fields.put("conversationId", message.conversationId().toString());
        fields.put("contactId", message.contactId().toString());
        fields.put("direction", message.direction());
        fields.put("type", message.type());
        fields.put("text", message.text());
        fields.put("wamid", message.wamid());
        fields.put("createdAt", message.createdAt().toString());
        return fields;
    }
}

package com.maxmysales.chatbot;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.maxmysales.messaging.ConversationQueries;
import com.maxmysales.messaging.Lane;
import com.maxmysales.messaging.MessagePurpose;
import com.maxmysales.messaging.MessageStatus;
import com.maxmysales.messaging.MessageStatusChanged;
import com.maxmysales.messaging.Outbound;
import com.maxmysales.messaging.OutboundRequest;
import com.maxmysales.messaging.OutboundResult;
import com.maxmysales.messaging.Recipient;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.message.MetaMessageJson;
import com.maxmysales.whatsapp.message.WhatsAppMessage;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bot's replies to one conversation reach Meta in the order the bot wrote them. The outbox sends a number's
 * messages several at a time, so a greeting and the menu after it, queued together, could arrive menu first. The
 * first reply is queued at once; each one after it waits in {@code chatbot_replies} and is queued when the reply
 * before it was accepted by Meta (or failed, or after {@link #PATIENCE}: a reply held up for good must not silence
 * the ones after it). Meta's acceptance reaches here as messaging's {@link MessageStatusChanged}; a sweep every second
 * catches what another node accepted or what a restart lost.
 */
@Component
class ReplyChain {

    private static final Logger log = LoggerFactory.getLogger(ReplyChain.class);
    static final String MESSAGE_FIELD = "chatbot_replies.message";
    /** How long a reply waits for the one before it before it is queued anyway. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final JdbcClient jdbc;
    private final Outbound outbound;
    private final ConversationQueries conversations;
    private final FieldCipher cipher;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final SessionStore sessions;
    /** The bot's messages a reply waits for, on this node: an acceptance of anything else costs a set lookup only. */
    private final Set<UUID> awaited = ConcurrentHashMap.newKeySet();

    ReplyChain(JdbcClient jdbc, Outbound outbound, ConversationQueries conversations, FieldCipher cipher,
            JsonMapper json, Clock clock, PlatformTransactionManager transactionManager, SessionStore sessions) {
        this.jdbc = jdbc;
        this.outbound = outbound;
        this.conversations = conversations;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.sessions = sessions;
    }

    /** Where the bot's replies of one turn go: the customer's conversation, contact and number. */
    record To(WorkspaceId workspace, UUID conversation, ContactId contact, UUID channel) {}

    /** One reply and its idempotency key. */
    record Reply(WhatsAppMessage message, String key) {}

    /**
     * Queues the first reply unless earlier ones of the conversation still wait, and keeps the rest waiting behind it.
     * Runs in the caller's transaction, under the conversation's session lock.
     */
    void send(To to, List<Reply> replies) {
        var waiting = waiting(to);
        UUID previous = null;
        for (var reply : replies) {
            if (!waiting && previous == null) {
                previous = queue(to, reply.message(), reply.key());
                waiting = previous != null;
                continue;
            }
            var prepared = MetaMessageJson.write(reply.message());
            jdbc.sql("""
                    insert into chatbot_replies (id, workspace_id, conversation_id, contact_id, channel_id, idempotency_key,
                        message_type, message, after_message_id, created_at)
                    values (:id, :workspace, :conversation, :contact, :channel, :key, :type, :message, :after, :now)
                    """)
                    .param("id", UUID.randomUUID()).param("workspace", to.workspace().value())
                    .param("conversation", to.conversation()).param("contact", to.contact().value())
                    .param("channel", to.channel()).param("key", reply.key()).param("type", prepared.type())
                    .param("message", cipher.encrypt(to.workspace(), MESSAGE_FIELD, prepared.payload()))
                    .param("after", previous).param("now", Timestamp.from(clock.instant())).update();
            if (previous != null) {
                await(previous);
            }
            previous = null;
        }
    }

    private boolean waiting(To to) {
        return jdbc.sql("select exists (select 1 from chatbot_replies where workspace_id = :workspace and conversation_id = :conversation)")
                .param("workspace", to.workspace().value()).param("conversation", to.conversation())
                .query(Boolean.class).single();
    }

    /** @return the queued message's id; null when the outbox refused it (the refusal is logged) */
    private @Nullable UUID queue(To to, WhatsAppMessage message, String key) {
        var result = outbound.queue(OutboundRequest.of(to.workspace(), Recipient.of(to.contact()), message,
                MessagePurpose.SERVICE, Lane.BOT).withIdempotencyKey(key).onChannel(to.channel()));
        return switch (result) {
            case OutboundResult.Queued queued -> queued.message().id();
            case OutboundResult.Refused refused -> {
                log.info("The bot's reply was refused ({}): {}", refused.reason(), refused.detail());
                yield null;
            }
        };
    }

    /** Remembered after the caller's commit, so that an acceptance seen before it does not find the row missing. */
    private void await(UUID message) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    awaited.add(message);
                }
            });
        } else {
            awaited.add(message);
        }
    }

    /**
     * Meta accepted (or refused) a message. A plain listener in the dispatcher's transaction: for the messages no
     * reply waits for, which is nearly all of them, it costs a set lookup; the next reply is queued on a thread of its
     * own after that transaction.
     */
    @EventListener
    void on(MessageStatusChanged changed) {
        if ((changed.status() == MessageStatus.SENT || changed.status() == MessageStatus.FAILED)
                && awaited.remove(changed.messageId())) {
            Thread.ofVirtual().name("bot-reply-chain").start(() -> next(changed.workspaceId(), changed.messageId()));
        }
    }

    /** What the event missed: replies whose predecessor another node sent, or that waited through a restart. */
    @Scheduled(fixedDelayString = "PT1S", initialDelayString = "PT5S")
    void sweep() {
        var heads = jdbc.sql("""
                select workspace_id, after_message_id, created_at from chatbot_replies
                where after_message_id is not null order by created_at limit 100
                """)
                .query((rs, n) -> new Head(new WorkspaceId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant()))
                .list();
        var now = clock.instant();
        for (var head : heads) {
            try {
                var status = conversations.message(head.workspace(), head.after()).status();
                if (status != MessageStatus.QUEUED && status != MessageStatus.SENDING
                        || head.since().plus(PATIENCE).isBefore(now)) {
                    awaited.remove(head.after());
                    next(head.workspace(), head.after());
                }
            } catch (RuntimeException gone) {
                // The message it waited for is gone (erased with its conversation): nothing is left to wait for.
                next(head.workspace(), head.after());
            }
        }
    }

    private record Head(WorkspaceId workspace, UUID after, java.time.Instant since) {}

    /** The reply waiting for {@code accepted} is queued, and the one after it now waits for it. */
    void next(WorkspaceId workspace, UUID accepted) {
        try {
            transactions.executeWithoutResult(status -> {
                // The session's lock, as the bot's turn takes it: a turn adding replies and this one taking the
                // next go one after the other, so no reply is left behind a chain that just ended.
                var conversation = jdbc.sql("""
                        select conversation_id from chatbot_replies where workspace_id = :workspace and after_message_id = :after
                        """)
                        .param("workspace", workspace.value()).param("after", accepted).query(UUID.class).optional();
                if (conversation.isEmpty()) {
                    return;
                }
                sessions.lock(workspace, conversation.get());
                var head = jdbc.sql("""
                        delete from chatbot_replies where workspace_id = :workspace and after_message_id = :after
                        returning conversation_id, contact_id, channel_id, idempotency_key, message_type, message
                        """)
                        .param("workspace", workspace.value()).param("after", accepted)
                        .query((rs, n) -> new Waiting(new To(workspace, rs.getObject(1, UUID.class),
                                new ContactId(rs.getObject(2, UUID.class)), rs.getObject(3, UUID.class)),
                                rs.getString(4), rs.getString(5), rs.getBytes(6)))
                        .optional();
                var current = head.orElse(null);
                while (current != null) {
                    var message = MetaMessageJson.read(current.type(),
                            json.readTree(cipher.decrypt(workspace, MESSAGE_FIELD, current.message())));
                    var queued = queue(current.to(), message, current.key());
                    current = following(current.to(), queued);
                }
            });
        } catch (RuntimeException e) {
            // The row stays (the transaction rolled back): the sweep tries again.
            log.warn("The bot's next reply could not be queued; the sweep retries", e);
        }
    }

    private record Waiting(To to, String key, String type, byte[] message) {}

    /**
     * The conversation's next waiting reply: it now waits for {@code queued}; when that was refused (null) it is
     * taken to be queued at once.
     */
    private @Nullable Waiting following(To to, @Nullable UUID queued) {
        var next = jdbc.sql("""
                select id from chatbot_replies where workspace_id = :workspace and conversation_id = :conversation
                order by position limit 1 for update
                """)
                .param("workspace", to.workspace().value()).param("conversation", to.conversation())
                .query(UUID.class).optional();
        if (next.isEmpty()) {
            return null;
        }
        if (queued != null) {
            jdbc.sql("update chatbot_replies set after_message_id = :after, created_at = :now where id = :id")
                    .param("after", queued).param("now", Timestamp.from(clock.instant())).param("id", next.get()).update();
            await(queued);
            return null;
        }
        return jdbc.sql("""
                delete from chatbot_replies where id = :id
                returning idempotency_key, message_type, message
                """)
                .param("id", next.get())
                .query((rs, n) -> new Waiting(to, rs.getString(1), rs.getString(2), rs.getBytes(3))).single();
    }
}

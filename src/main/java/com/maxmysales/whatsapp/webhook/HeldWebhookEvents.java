package com.maxmysales.whatsapp.webhook;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.maxmysales.privacy.crypto.BlindIndex;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.Channel;
import com.maxmysales.whatsapp.ChannelManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The raw webhook events a legal hold keeps from the purge: those about a held person (found by their
 * number's hash, without decrypting every event) that came to a business number of the workspace that holds
 * them. Raw events carry no workspace or conversation, so the few candidates are decrypted and parsed to
 * tell which business number they came to: another workspace's hold on the same person keeps nothing here.
 */
@Component
class HeldWebhookEvents {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final WebhookPayloadParser parser;
    private final ChannelManagement channels;

    HeldWebhookEvents(JdbcClient jdbc, FieldCipher cipher, BlindIndex index, WebhookPayloadParser parser,
            ChannelManagement channels) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.index = index;
        this.parser = parser;
        this.channels = channels;
    }

    /** The ids of events received before the cutoff that a hold keeps. */
    Set<Long> among(Instant cutoff, Map<WorkspaceId, Set<PhoneNumber>> heldPeople) {
        var hashes = new HashSet<ByteBuffer>();
        heldPeople.values().forEach(phones -> phones.forEach(
                phone -> hashes.add(ByteBuffer.wrap(index.tombstone(phone)))));
        var kept = new HashSet<Long>();
        if (hashes.isEmpty()) {
            return kept;
        }
        jdbc.sql("""
                select e.id, e.body from webhook_events e
                where e.received_at < :cutoff and e.state <> 'pending' and e.body is not null
                  and exists (select 1 from webhook_event_subjects s
                              where s.event_id = e.id and s.subject = any(cast(:hashes as bytea[])))
                """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("hashes", hashes.stream().map(ByteBuffer::array).toArray(byte[][]::new))
                .query((rs, n) -> {
                    if (kept(rs.getBytes(2), heldPeople)) {
                        kept.add(rs.getLong(1));
                    }
                    return null;
                })
                .list();
        return kept;
    }

    private boolean kept(byte[] ciphertext, Map<WorkspaceId, Set<PhoneNumber>> heldPeople) {
        List<Notification> notifications;
        try {
            notifications = parser.parse(cipher.decryptBytes(WebhookInbox.PLATFORM_SCOPE, WebhookInbox.BODY_FIELD, ciphertext));
        } catch (RuntimeException unreadable) {
            // It names a held person and cannot be told apart: kept, as a hold errs on the side of evidence.
            return true;
        }
        for (var notification : notifications) {
            var about = switch (notification) {
                case Notification.Message message -> pair(message.phoneNumberId(), message.sender() == null ? null : message.sender().waId());
                case Notification.Preference preference -> pair(preference.phoneNumberId(), preference.sender() == null ? null : preference.sender().waId());
                case Notification.Status status -> pair(status.phoneNumberId(), status.recipientId());
                case Notification.Echo echo -> pair(echo.phoneNumberId(), echo.customer() == null ? null : echo.customer().waId());
                case Notification.Call call -> pair(call.phoneNumberId(), call.customer() == null ? null : call.customer().waId());
                // The old number is its message's sender; the new one is the same person's.
                case Notification.NumberChange change -> pair(change.phoneNumberId(), change.newWaId());
                case Notification.TemplateSignal template -> null;
                case Notification.Signal signal -> null;
                case Notification.Unhandled unhandled -> null;
            };
            if (about != null && channels.byPhoneNumberId(about.getKey()).map(Channel::workspaceId)
                    .map(workspace -> heldPeople.getOrDefault(workspace, Set.of()).contains(about.getValue()))
                    .orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static Map.Entry<String, PhoneNumber> pair(String phoneNumberId, String waId) {
        try {
            return phoneNumberId == null || waId == null ? null : Map.entry(phoneNumberId, PhoneNumber.fromWhatsAppId(waId));
        } catch (IllegalArgumentException notANumber) {
            return null;
        }
    }
}

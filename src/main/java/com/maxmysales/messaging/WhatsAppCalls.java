package com.maxmysales.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.WhatsAppCall;
import com.maxmysales.whatsapp.WhatsAppCallReceived;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shows each WhatsApp call in its conversation: one entry of type {@code call} per call (its wamid is the call's
 * id), inbound when the customer called, outbound when the business did, its content the call as it stands —
 * who called, its status, when it started and ended, how long it lasted — updated by each later event of the call,
 * inside the webhook's transaction. A status only moves forward (a late "ringing" never undoes "completed"), and a
 * redelivered event changes nothing. A customer's call opens the 24-hour window, as a message of theirs does.
 */
@Component
class WhatsAppCalls {

    /** How far along a call each status is, so events out of order never move it back. */
    private static final Map<String, Integer> PROGRESS = Map.of("ringing", 1, "accepted", 2, "rejected", 2,
            "completed", 3, "failed", 3, "ended", 3);

    /** A call as its entry's content shows it (camelCase, as the API). */
    record CallEntry(String callId, String initiatedBy, String status, Instant startedAt, Instant endedAt,
            Integer durationSeconds) {

        static CallEntry of(WhatsAppCall call) {
            return new CallEntry(call.callId(), call.businessInitiated() ? "business" : "customer", call.status(),
                    call.startedAt(), call.endedAt(), call.durationSeconds());
        }

        CallEntry after(WhatsAppCall call) {
            var forward = PROGRESS.getOrDefault(call.status(), 0) >= PROGRESS.getOrDefault(status, 0);
            return new CallEntry(callId, initiatedBy, forward ? call.status() : status,
                    call.startedAt() != null ? call.startedAt() : startedAt,
                    call.endedAt() != null ? call.endedAt() : endedAt,
                    call.durationSeconds() != null ? call.durationSeconds() : durationSeconds);
        }

        /** What a person reads in the conversation: "Call from the customer: completed, 2 min 0 s". */
        String readable() {
            return "Call from the " + initiatedBy + ": " + status
                    + (durationSeconds == null ? "" : ", " + (durationSeconds / 60) + " min " + (durationSeconds % 60) + " s");
        }
    }

    private final ContactDirectory contacts;
    private final Conversations conversations;
    private final Messages messages;
    private final MessageCipher cipher;
    private final JsonMapper json;
    private final Clock clock;

    WhatsAppCalls(ContactDirectory contacts, Conversations conversations, Messages messages, MessageCipher cipher,
            JsonMapper json, Clock clock) {
        this.contacts = contacts;
        this.conversations = conversations;
        this.messages = messages;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(WhatsAppCallReceived received) {
        var workspace = received.workspaceId();
        var call = received.call();
        var customer = received.customer();
        if (customer.waId() == null && customer.userId() == null) {
            return;
        }
        var at = call.timestamp() != null ? call.timestamp() : clock.instant();
        var existing = messages.lockByWamid(workspace, call.callId());
        if (existing.isEmpty()) {
            var contact = call.businessInitiated()
                    ? contacts.identifyWhatsAppSender(workspace, customer.waId(), customer.userId(), customer.profileName())
                    : contacts.wroteOnWhatsApp(workspace, customer.waId(), customer.userId(), customer.profileName(), at);
            if (insert(workspace, received, contact, at)) {
                return;
            }
            // Another worker stored the call's first event meanwhile: this one updates it.
            existing = messages.lockByWamid(workspace, call.callId());
        }
        var row = existing.orElseThrow();
        if (!call.businessInitiated()) {
            conversations.openAndNote(workspace, row.contact(), received.channelId(), clock.instant(), at, true);
        }
        var before = json.readValue(cipher.payloadOf(row), CallEntry.class);
        var after = before.after(call);
        if (!after.equals(before)) {
            messages.rewrite(workspace, row.id(), cipher.text(workspace, after.readable()),
                    cipher.payload(workspace, json.writeValueAsString(after)));
        }
        noteError(workspace, row.id(), call);
    }

    private boolean insert(WorkspaceId workspace, WhatsAppCallReceived received, ContactId contact, Instant at) {
        var call = received.call();
        var conversation = conversations.openAndNote(workspace, contact, received.channelId(), clock.instant(), at,
                !call.businessInitiated());
        var entry = CallEntry.of(call);
        var id = UUID.randomUUID();
        var stored = messages.insert(new Messages.NewMessage(id, workspace, conversation, received.channelId(), contact,
                call.businessInitiated() ? "outbound" : "inbound", "call", cipher.text(workspace, entry.readable()),
                cipher.payload(workspace, json.writeValueAsString(entry)), call.callId(), null,
                call.businessInitiated() ? MessageStatus.SENT : MessageStatus.RECEIVED, null, at, null, null));
        if (stored) {
            noteError(workspace, id, call);
        }
        return stored;
    }

    private void noteError(WorkspaceId workspace, UUID id, WhatsAppCall call) {
        if (!call.errors().isEmpty()) {
            var error = call.errors().getFirst();
            messages.noteDetails(workspace, id, false, false, null, error.code(),
                    error.details() != null ? error.details() : error.title());
        }
    }
}

package com.maxmysales.messaging;

import java.time.Instant;
import java.util.UUID;

import com.maxmysales.contacts.Purpose;
import com.maxmysales.shared.ContactId;

/**
 * A message both ways, decrypted for the caller.
 *
 * @param purpose why an outbound message is sent, which decides whose consent it needs; null for inbound
 * @param payload the type's own object as JSON, as Meta shapes it (template components, media, buttons...)
 * @param mediaId our stored copy of the message's media file, once downloaded or uploaded
 * @param lane which of its number's waiting messages an outbound one goes before; null for inbound
 * @param details what Meta told about it beyond its content
 */
public record Message(UUID id, UUID conversationId, UUID channelId, ContactId contactId, String direction,
        String type, String text, String payload, String wamid, String replyToWamid, MessageStatus status, Integer errorCode,
        String errorDetail, Instant createdAt, Instant sentAt, Instant deliveredAt, Instant readAt, Instant failedAt,
        UUID mediaId, Purpose purpose, Lane lane, Details details) {

    /**
     * @param forwarded the customer forwarded it; {@code frequentlyForwarded}: it had been forwarded many times
     * @param editedAt when the customer last edited it (what it said before is kept, see {@code MessageEdits})
     * @param revokedAt when the customer deleted it: its content is no longer shown, and is kept only until
     *                  the conversation's retention ends
     * @param referral the click-to-WhatsApp ad or post it came from, as Meta's JSON
     * @param pricing what Meta charges for an outbound message; null until a status said
     * @param fromBusinessApp an outbound message the business sent from the WhatsApp Business app (its number is
     *                        also on the app), which Meta echoed: never sent by the platform
     */
    public record Details(boolean forwarded, boolean frequentlyForwarded, Instant editedAt, Instant revokedAt,
            String referral, Pricing pricing, boolean fromBusinessApp) {
        static final Details NONE = new Details(false, false, null, null, null, null, false);
    }

    /** Meta's pricing of an outbound message and the conversation (billing window) it counted in. */
    public record Pricing(String category, String model, Boolean billable, String conversationId,
            String conversationCategory) {}
}

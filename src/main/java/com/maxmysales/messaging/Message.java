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
 */
public record Message(UUID id, UUID conversationId, UUID channelId, ContactId contactId, String direction,
        String type, String text, String payload, String wamid, String replyToWamid, MessageStatus status, Integer errorCode,
        String errorDetail, Instant createdAt, Instant sentAt, Instant deliveredAt, Instant readAt, Instant failedAt,
        UUID mediaId, Purpose purpose, Lane lane) {
}

package com.maxmysales.contacts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.PhoneNumber;

/**
 * A customer as the workspace sees them, decrypted. Any field but the id may be unknown (null).
 *
 * @param attributes the workspace's custom attributes, typed by their definitions (text, number, date, boolean)
 * @param lastInboundAt when they last wrote to any of the workspace's numbers
 */
public record Contact(ContactId id, PhoneNumber phone, String whatsAppId, String whatsAppUserId, String name,
        String email, Map<String, Object> attributes, List<String> tags, Instant lastInboundAt, Instant createdAt) {
}

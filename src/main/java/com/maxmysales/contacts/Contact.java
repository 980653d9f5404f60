package com.maxmysales.contacts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.PhoneNumber;

import org.jspecify.annotations.Nullable;

/**
 * A customer as the workspace sees them, decrypted. Who they are may be partly unknown (null).
 *
 * @param attributes the workspace's custom attributes, typed by their definitions (text, number, date, boolean)
 * @param name the name the business gave them (the first WhatsApp profile name when nobody gave one)
 * @param lastInboundAt when they last wrote to any of the workspace's numbers
 * @param whatsAppName the name they give themselves on WhatsApp, as their latest message had it
 */
public record Contact(ContactId id, @Nullable PhoneNumber phone, @Nullable String whatsAppId,
        @Nullable String whatsAppUserId, @Nullable String name, @Nullable String email, Map<String, Object> attributes,
        List<String> tags, @Nullable Instant lastInboundAt, Instant createdAt, @Nullable String whatsAppName) {
}

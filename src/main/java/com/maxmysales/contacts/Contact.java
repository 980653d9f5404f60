package com.maxmysales.contacts;

import java.time.Instant;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.PhoneNumber;

/** A customer as the workspace sees them, decrypted. Any field but the id may be unknown (null). */
public record Contact(ContactId id, PhoneNumber phone, String whatsAppId, String whatsAppUserId, String name,
        String email, Instant createdAt) {
}

package com.maxmysales.whatsapp;

import org.jspecify.annotations.Nullable;

/**
 * Who wrote, as Meta identifies them. Since 2026 {@code waId} (the phone number) is absent for users who
 * enabled a username; {@code userId} (the business-scoped user id, "BSUID") is then the only key.
 */
public record WhatsAppSender(@Nullable String waId, @Nullable String userId, @Nullable String parentUserId,
        @Nullable String username, @Nullable String profileName) {
}

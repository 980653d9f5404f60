package com.maxmysales.whatsapp;

/**
 * Who wrote, as Meta identifies them. Since 2026 {@code waId} (the phone number) is absent for users who
 * enabled a username; {@code userId} (the business-scoped user id, "BSUID") is then the only key.
 */
public record WhatsAppSender(String waId, String userId, String parentUserId, String username, String profileName) {
}

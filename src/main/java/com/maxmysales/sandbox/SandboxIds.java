package com.maxmysales.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The identifiers Meta would mint, in Meta's shapes. The sandbox is told only phone-number ids, so the
 * business number's WABA id and display number are derived from it: fake, but the same every time.
 */
public final class SandboxIds {

    private SandboxIds() {
    }

    /** Meta's wamids are base64 of an opaque structure; ours carry the customer and a random part. */
    static String wamid(String waId) {
        var opaque = "SBX." + waId + "." + UUID.randomUUID();
        return "wamid." + Base64.getEncoder().encodeToString(opaque.getBytes(StandardCharsets.US_ASCII));
    }

    /** The customer a wamid of ours belongs to, so a mark-as-read, which names only the message, finds its chat. */
    static Optional<String> waIdOf(String wamid) {
        try {
            var opaque = new String(Base64.getDecoder().decode(wamid.substring("wamid.".length())),
                    StandardCharsets.US_ASCII).split("\\.");
            return opaque.length == 3 && "SBX".equals(opaque[0]) ? Optional.of(opaque[1]) : Optional.empty();
        } catch (IllegalArgumentException | IndexOutOfBoundsException notOurs) {
            return Optional.empty();
        }
    }

    /** Graph object ids (media, templates) are 15-16 digit numbers, kept as strings like Meta's. */
    static String graphId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 9_999_999_999_999_999L));
    }

    static String fbtraceId() {
        var bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 20);
    }

    static String wabaIdOf(String phoneNumberId) {
        return "3" + last(digits(phoneNumberId), 14);
    }

    /** A US 555 number, which no real phone has. */
    public static String displayNumberOf(String phoneNumberId) {
        return "15550" + last(digits(phoneNumberId), 6);
    }

    /** BSUID-style user id ({@code CC.<digits>}); stable per customer. */
    static String userIdOf(String waId) {
        return "IN." + waId;
    }

    public static String digits(String text) {
        var digits = new StringBuilder();
        text.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c));
        return digits.toString();
    }

    private static String last(String digits, int length) {
        var padded = "0".repeat(length) + digits;
        return padded.substring(padded.length() - length);
    }
}

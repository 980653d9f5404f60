package com.maxmysales.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The identifiers and tokens Meta would mint, in Meta's shapes, drawn from {@link SecureRandom}: an id of
 * another workspace's number, media or lead must not be guessable from one's own.
 */
public final class SandboxIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long SIXTEEN_DIGITS = 1_000_000_000_000_000L;

    private SandboxIds() {
    }

    /** Meta's wamids are base64 of an opaque structure; ours carry the customer and a random UUID. */
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

    /** Graph object ids (numbers, accounts, pages, forms, media, templates, leads): 16-digit strings like Meta's. */
    static String graphId() {
        return String.valueOf(SIXTEEN_DIGITS + Math.floorMod(RANDOM.nextLong(), 9 * SIXTEEN_DIGITS));
    }

    /** An access token: 256 random bits behind a prefix that says whose it is. */
    static String accessToken() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "EAASBX" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A US 555 number, which no real phone has, as WhatsApp shows it. */
    static String displayPhoneNumber() {
        return "+1 555 01%d %04d".formatted(RANDOM.nextInt(10), RANDOM.nextInt(10_000));
    }

    static String fbtraceId() {
        var bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 20);
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
}

package com.maxmysales.privacy;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Writes what a request was about as an audit subject: ids as they are, phone numbers and emails as the
 * same keyed hashes that erasure tombstones use, so the log can show who looked a person up without ever
 * holding their number, even years after they were erased.
 */
@Component
public class AuditSubjects {

    private final BlindIndex index;

    AuditSubjects(BlindIndex index) {
        this.index = index;
    }

    /** {@code contactId=<uuid>,phone-hash=<hex>}: ids kept, phone and email hashed, anything else that is not an id hashed. */
    public String describe(Map<String, String> values) {
        var parts = new StringJoiner(",");
        new LinkedHashMap<>(values).forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                parts.add(part(name, value.strip()));
            }
        });
        return parts.length() == 0 ? null : parts.toString();
    }

    public String phoneHash(String e164) {
        return "phone-hash=" + HexFormat.of().formatHex(index.tombstone("phone", e164));
    }

    public String emailHash(String email) {
        return "email-hash=" + HexFormat.of().formatHex(index.tombstone("email", email.strip().toLowerCase(Locale.ROOT)));
    }

    private String part(String name, String value) {
        return switch (name) {
            case "phone" -> phoneHash(value.replaceAll("[\\s().-]", ""));
            case "email" -> emailHash(value);
            default -> isId(value) ? name + "=" + value
                    : name + "-hash=" + HexFormat.of().formatHex(index.tombstone("audit", value));
        };
    }

    private static boolean isId(String value) {
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }
}

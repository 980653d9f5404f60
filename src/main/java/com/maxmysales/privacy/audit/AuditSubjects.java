package com.maxmysales.privacy.audit;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import com.maxmysales.privacy.crypto.BlindIndex;
import com.maxmysales.privacy.crypto.BlindIndex.Identifier;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.PhoneNumber;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Writes what a request was about as an audit subject: ids as they are, phone numbers and emails as the
 * same keyed hashes that erasure tombstones use, so the log can show who looked a person up without ever
 * holding their number, even years after they were erased. A value that is not what its name says (a phone
 * that is no number) is hashed like any other value, under its name.
 */
@NamedInterface("audit")
@Component
public class AuditSubjects {

    private final BlindIndex index;

    AuditSubjects(BlindIndex index) {
        this.index = index;
    }

    /** {@code contactId=<uuid>,phone-hash=<hex>}: ids kept, phone and email hashed, anything else that is not an id hashed. */
    public @Nullable String describe(Map<String, String> values) {
        var parts = new StringJoiner(",");
        new LinkedHashMap<>(values).forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                parts.add(part(name, value.strip()));
            }
        });
        return parts.length() == 0 ? null : parts.toString();
    }

    public String phoneHash(PhoneNumber phone) {
        return "phone-hash=" + HexFormat.of().formatHex(index.tombstone(phone));
    }

    /** What someone typed as an email (at a login, say), hashed as that address; hashed as typed when it is none. */
    public String emailHash(String typed) {
        return "email-hash=" + HexFormat.of().formatHex(EmailAddress.parse(typed).map(index::tombstone)
                .orElseGet(() -> index.tombstone(Identifier.AUDIT_VALUE, typed.strip())));
    }

    private String part(String name, String value) {
        return switch (name) {
            case "phone" -> PhoneNumber.parseLenient(value, null).map(this::phoneHash).orElseGet(() -> otherHash(name, value));
            case "email" -> emailHash(value);
            default -> isId(value) ? name + "=" + value : otherHash(name, value);
        };
    }

    private String otherHash(String name, String value) {
        return name + "-hash=" + HexFormat.of().formatHex(index.tombstone(Identifier.AUDIT_VALUE, value));
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

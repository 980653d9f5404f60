package com.maxmysales.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An email address in the one form every module stores, compares and hashes: without surrounding white
 * space, in lower case, in Unicode NFC. Blind indexes and erasure tombstones are keyed hashes of this form,
 * so an address typed {@code " Priya.Nair@Example.COM "} in one module and {@code priya.nair@example.com} in
 * another is one person to every access and erasure request.
 * <p>
 * NFC, not NFKC: RFC 6532 (3.1) names NFC as the form of internationalized addresses and warns that NFKC loses
 * distinctions some names need. For every address the platform stored before this type existed (trimmed and
 * lower-cased), the canonical form is that stored text put in NFC: identical for every ASCII address.
 * Lower case although RFC 5321 lets a mailbox's local part be case-sensitive: no provider a business's
 * customers use treats it so, and one person must not be two contacts.
 */
public record EmailAddress(String value) {

    // Deliberately loose, and the same shape every module accepted before: a real check is a mail that arrives.
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** @throws IllegalArgumentException when the text is not shaped like an email address */
    public EmailAddress {
        Objects.requireNonNull(value, "email");
        value = canonical(value);
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an email address");
        }
    }

    /** @throws IllegalArgumentException when the text is not shaped like an email address */
    public static EmailAddress of(String written) {
        return new EmailAddress(written);
    }

    /** The address as written, or empty when there is none (null, blank) or it is not shaped like one. */
    public static Optional<EmailAddress> parse(@Nullable String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EmailAddress(written));
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }

    private static String canonical(String written) {
        return Normalizer.normalize(written.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }

    @Override
    public String toString() {
        // Personal data: enough to tell addresses apart in a log, not enough to write to anyone.
        return value.charAt(0) + "…@…" + value.substring(value.length() - 2);
    }
}

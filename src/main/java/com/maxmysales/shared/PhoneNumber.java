package com.maxmysales.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number in E.164: {@code +} and 8 to 15 digits, the form Meta needs (without {@code +}, Meta
 * prepends the business number's country code). Turning local notations into this form needs a numbering
 * plan and a default region; the contacts module does that.
 */
public record PhoneNumber(String e164) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");

    public PhoneNumber {
        Objects.requireNonNull(e164, "phone number");
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 phone number");
        }
    }

    /** From a WhatsApp id, which is the number's digits without {@code +}. */
    public static PhoneNumber fromWhatsAppId(String waId) {
        return new PhoneNumber("+" + waId);
    }

    /** The digits WhatsApp uses as a user's id. */
    public String digits() {
        return e164.substring(1);
    }

    @Override
    public String toString() {
        // Personal data: enough to tell numbers apart in a log, not enough to call anyone.
        return e164.substring(0, 3) + "…" + e164.substring(e164.length() - 2);
    }
}

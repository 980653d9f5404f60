package com.maxmysales.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import org.jspecify.annotations.Nullable;

/**
 * A phone number in E.164: {@code +} and 8 to 15 digits, the form Meta needs (without {@code +}, Meta
 * prepends the business number's country code), and the one form every module stores and hashes.
 * Numbers as people write them ({@code 098111 22233}, {@code +91 98111-22233}, {@code 0091...}) are read into it
 * here alone, with libphonenumber's numbering plans, so that two modules never read one number two ways.
 */
public record PhoneNumber(String e164) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final PhoneNumberUtil PLAN = PhoneNumberUtil.getInstance();
    /** libphonenumber's "no region": only numbers written with their country code are read. */
    private static final String NO_REGION = "ZZ";

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

    /**
     * A number as a person wrote it, in E.164; empty when it is not a possible number of any plan (too short,
     * letters...).
     *
     * @param region where a number written without its country code is read (ISO 3166 code, e.g. {@code IN}, the
     *               workspace's default region); null: only numbers written with their country code
     */
    public static Optional<PhoneNumber> parseLenient(@Nullable String written, @Nullable String region) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        try {
            var parsed = PLAN.parse(written.strip(), plan(region));
            // A number written with its country code but no "+" (Google's sample 1-650-555-0123 in an Indian
            // workspace) reads as a possible regional number that is not a valid one: the valid reading wins.
            if (!PLAN.isValidNumber(parsed) && !written.strip().startsWith("+")) {
                var international = PLAN.parse("+" + written.replaceAll("\\D", ""), NO_REGION);
                if (PLAN.isValidNumber(international)) {
                    parsed = international;
                }
            }
            // "valid" checks the plan's number ranges, which reject real numbers the day a plan grows: a
            // number that is merely possible (right length for its country) is accepted, as Meta does.
            if (!PLAN.isPossibleNumber(parsed)) {
                return Optional.empty();
            }
            return Optional.of(new PhoneNumber(PLAN.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)));
        } catch (NumberParseException | IllegalArgumentException notANumber) {
            return Optional.empty();
        }
    }

    /**
     * A number already in E.164 taken exactly as written, whatever the numbering plans say: WhatsApp ids become
     * numbers so ({@link #fromWhatsAppId}), Meta's test id {@code 1111111111111} among them, and a lookup must
     * find what was stored. A {@code +} that a query string turned into a space counts as one.
     */
    public static Optional<PhoneNumber> exactly(@Nullable String written) {
        if (written == null) {
            return Optional.empty();
        }
        var candidate = written.strip();
        candidate = candidate.startsWith("+") ? candidate : "+" + candidate;
        return E164.matcher(candidate).matches() ? Optional.of(new PhoneNumber(candidate)) : Optional.empty();
    }

    /** Every phone number written in a text (an email body), in E.164, in the order they appear. */
    public static List<PhoneNumber> findIn(@Nullable String text, @Nullable String region) {
        var numbers = new ArrayList<PhoneNumber>();
        if (text == null) {
            return numbers;
        }
        for (var match : PLAN.findNumbers(text, plan(region), PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
            try {
                var number = new PhoneNumber(PLAN.format(match.number(), PhoneNumberUtil.PhoneNumberFormat.E164));
                if (!numbers.contains(number)) {
                    numbers.add(number);
                }
            } catch (IllegalArgumentException tooShort) {
                // libphonenumber found a short code; not a WhatsApp number
            }
        }
        return numbers;
    }

    private static String plan(@Nullable String region) {
        return region == null || region.isBlank() ? NO_REGION : region.toUpperCase(Locale.ROOT);
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

package com.maxmysales.leads;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A lead's answers and what they say about the person. Google (column ids such as {@code PHONE_NUMBER},
 * {@code GIVEN_NAME}) and Meta (field names such as {@code phone_number}, {@code first_name}) name the same
 * questions differently, and which spellings arrive is not fully documented, so keys are compared with case,
 * spaces and punctuation ignored and every known spelling is accepted.
 *
 * @param clickId Google's click id ({@code gcl_id}), for the business's offline conversion upload
 */
public record Answers(List<Answer> items, String clickId) {

    /** The usual keys of a form's marketing opt-in question when the source names none. */
    public static final Set<String> MARKETING_KEYS = Set.of("marketingconsent", "marketingoptin", "whatsappoptin",
            "whatsappmarketingoptin", "optinmarketing");

    private static final List<String> PHONE_KEYS = List.of("whatsappnumber", "whatsappphonenumber", "phonenumber",
            "phone", "mobilenumber", "mobile", "userphone", "workphone", "workphonenumber");
    private static final List<String> EMAIL_KEYS = List.of("email", "useremail", "emailaddress", "workemail");
    private static final List<String> FULL_NAME_KEYS = List.of("fullname", "name", "username");
    private static final List<String> FIRST_NAME_KEYS = List.of("givenname", "firstname");
    private static final List<String> LAST_NAME_KEYS = List.of("familyname", "lastname");
    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "agree", "iagree", "accept", "accepted",
            "checked", "optin", "haan", "ha", "हाँ", "हां");
    private static final String META_TEST_PLACEHOLDER = "<test lead: dummy data for";

    public Answers {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public Optional<String> phone() {
        return first(PHONE_KEYS);
    }

    public Optional<String> email() {
        return first(EMAIL_KEYS);
    }

    public Optional<String> name() {
        var full = first(FULL_NAME_KEYS);
        if (full.isPresent()) {
            return full;
        }
        var parts = java.util.stream.Stream.of(first(FIRST_NAME_KEYS), first(LAST_NAME_KEYS))
                .flatMap(Optional::stream).toList();
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", parts));
    }

    /** The answer to a key or a label, as a follow-up variable names it. */
    public Optional<String> valueOf(String keyOrLabel) {
        var wanted = normalize(keyOrLabel);
        return items.stream().filter(answer -> normalize(answer.key()).equals(wanted) || normalize(answer.label()).equals(wanted))
                .map(Answer::value).filter(value -> value != null && !value.isBlank()).findFirst();
    }

    /**
     * Whether the form asked for marketing consent and the answer was yes (P6: never assumed).
     *
     * @param question the source's opt-in question key, or null for the usual ones
     */
    public boolean grantsMarketing(String question) {
        Predicate<Answer> asked = question == null || question.isBlank()
                ? answer -> MARKETING_KEYS.contains(normalize(answer.key()))
                : answer -> normalize(answer.key()).equals(normalize(question)) || normalize(answer.label()).equals(normalize(question));
        return items.stream().filter(asked).anyMatch(answer -> answer.values().stream().map(Answers::normalize).anyMatch(YES::contains));
    }

    /** Meta's Lead Ads testing tool fills every field with a placeholder rather than a person's data. */
    public boolean metaTestPlaceholders() {
        return items.stream().flatMap(answer -> answer.values().stream())
                .anyMatch(value -> value.toLowerCase(Locale.ROOT).startsWith(META_TEST_PLACEHOLDER));
    }

    private Optional<String> first(List<String> keys) {
        for (var key : keys) {
            var found = items.stream().filter(answer -> normalize(answer.key()).equals(key)).map(Answer::value)
                    .filter(value -> value != null && !value.isBlank()).findFirst();
            if (found.isPresent()) {
                return found.map(String::strip);
            }
        }
        return Optional.empty();
    }

    static String normalize(String key) {
        if (key == null) {
            return "";
        }
        var builder = new StringBuilder();
        // Marks stay: a Devanagari "हाँ" (yes) without its vowel sign would be another word.
        key.toLowerCase(Locale.ROOT).codePoints()
                .filter(c -> Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                        || Character.getType(c) == Character.COMBINING_SPACING_MARK)
                .forEach(builder::appendCodePoint);
        return builder.toString();
    }
}

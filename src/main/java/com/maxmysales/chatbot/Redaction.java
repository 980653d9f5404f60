package com.maxmysales.chatbot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What the LLM may see of a customer's message: emails, phone numbers, addresses (the sentence after "my address
 * is", "deliver to"..., and PIN codes), the contact's names and names the customer gives, and the spans the privacy
 * masking already masked, each replaced by a placeholder ({@code [EMAIL_1]}, {@code [PHONE_1]}, {@code [NAME_1]},
 * {@code [ADDRESS_1]}, {@code [MASKED_1]}); the same value gets the same placeholder. {@link #restore} puts them
 * back in the LLM's answer (a masked span comes back masked, never as it was).
 */
final class Redaction {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w])\\+?\\d[\\d\\s().-]{7,}\\d(?![\\w])");
    private static final Pattern ADDRESS = Pattern.compile(
            "(?i)\\b(?:my address is|address is|address:|i live at|i stay at|deliver (?:it )?to|ship (?:it )?to|send it to)\\s+([^.?!\\n]{4,})");
    private static final Pattern PIN = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)");
    private static final Pattern GIVEN_NAME = Pattern.compile(
            "(?:(?i:my name is|this is|i am|i'm|mera naam)\\s+)(\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+)?)");
    private static final Pattern MASKED = Pattern.compile("\\w*X{4,}\\w*(?:@[\\w.]*\\w)?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[(EMAIL|PHONE|NAME|ADDRESS|MASKED)_(\\d+)]");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, String> byValue = new LinkedHashMap<>();

    /**
     * @param text already through the privacy masking
     * @param knownNames the contact's names (the business's and their WhatsApp profile's)
     */
    String redact(String text, List<@Nullable String> knownNames) {
        var redacted = replace(text, EMAIL, 0, "EMAIL");
        redacted = replace(redacted, ADDRESS, 1, "ADDRESS");
        redacted = replace(redacted, PHONE, 0, "PHONE");
        redacted = replace(redacted, PIN, 0, "ADDRESS");
        redacted = replace(redacted, MASKED, 0, "MASKED");
        redacted = replace(redacted, GIVEN_NAME, 1, "NAME");
        var names = new ArrayList<String>();
        for (var name : knownNames) {
            if (name == null) {
                continue;
            }
            names.add(name.strip());
            for (var part : name.strip().split("\\s+")) {
                if (part.length() >= 3) {
                    names.add(part);
                }
            }
        }
        names.sort(Comparator.comparingInt(String::length).reversed());
        for (var name : names) {
            if (!name.isEmpty()) {
                redacted = replace(redacted, Pattern.compile("(?iu)(?<!\\p{L})" + Pattern.quote(name) + "(?!\\p{L})"), 0,
                        "NAME");
            }
        }
        return redacted;
    }

    /** The answer with each placeholder back as the value it stood for; an unknown one is left out. */
    String restore(String answer) {
        var matcher = PLACEHOLDER.matcher(answer);
        var restored = new StringBuilder();
        while (matcher.find()) {
            var value = values.get(matcher.group());
            matcher.appendReplacement(restored, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(restored);
        return restored.toString();
    }

    Map<String, String> placeholders() {
        return Map.copyOf(values);
    }

    private String replace(String text, Pattern pattern, int group, String kind) {
        var matcher = pattern.matcher(text);
        var out = new StringBuilder();
        var from = 0;
        while (matcher.find()) {
            var start = matcher.start(group);
            var end = matcher.end(group);
            var value = text.substring(start, end).strip();
            if (value.isEmpty() || PLACEHOLDER.matcher(value).matches()) {
                continue;
            }
            out.append(text, from, start).append(placeholder(kind, value));
            from = end;
        }
        return out.append(text.substring(from)).toString();
    }

    private String placeholder(String kind, String value) {
        var key = kind + ":" + value.toLowerCase(Locale.ROOT);
        var existing = byValue.get(key);
        if (existing != null) {
            return existing;
        }
        var placeholder = "[" + kind + "_" + counts.merge(kind, 1, Integer::sum) + "]";
        byValue.put(key, placeholder);
        values.put(placeholder, value);
        return placeholder;
    }
}

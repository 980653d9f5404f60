package com.maxmysales.contacts;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who belongs to a dynamic segment, evaluated each time it is read. Every part is optional; all given parts
 * must hold.
 *
 * @param tagsAll tags a contact must all have
 * @param tagsAny tags of which a contact must have at least one
 * @param tagsNone tags a contact must not have
 * @param consent a purpose and its state now: {@code granted}, {@code withdrawn} or {@code none} (never recorded)
 * @param lastInboundWithin wrote to the business within this long (e.g. {@code P30D})
 * @param noInboundWithin did not write within this long (or never)
 * @param list member of this static list
 * @param attributes conditions on custom attributes: {@code eq}, {@code ne}, {@code gt}, {@code gte}, {@code lt},
 *                   {@code lte} (numbers and dates) and {@code contains} (text, case-insensitive)
 */
public record SegmentFilter(List<String> tagsAll, List<String> tagsAny, List<String> tagsNone, Consent consent,
        Duration lastInboundWithin, Duration noInboundWithin, UUID list, List<Condition> attributes) {

    public record Consent(String purpose, String state) {}

    public record Condition(String key, String op, Object value) {

        boolean holds(Map<String, Object> values) {
            var actual = values.get(key);
            if (actual == null) {
                return "ne".equals(op);
            }
            return switch (op) {
                case "eq" -> compare(actual) == 0;
                case "ne" -> compare(actual) != 0;
                case "gt" -> compare(actual) > 0;
                case "gte" -> compare(actual) >= 0;
                case "lt" -> compare(actual) < 0;
                case "lte" -> compare(actual) <= 0;
                case "contains" -> actual.toString().toLowerCase(java.util.Locale.ROOT)
                        .contains(String.valueOf(value).toLowerCase(java.util.Locale.ROOT));
                default -> throw new IllegalArgumentException("op must be eq, ne, gt, gte, lt, lte or contains");
            };
        }

        private int compare(Object actual) {
            if (actual instanceof Number number) {
                return new BigDecimal(number.toString()).compareTo(new BigDecimal(String.valueOf(value)));
            }
            // Text, booleans and ISO dates (YYYY-MM-DD) compare as their text.
            return actual.toString().compareTo(String.valueOf(value));
        }
    }

    public SegmentFilter {
        tagsAll = tagsAll == null ? List.of() : ContactTags.normalize(tagsAll);
        tagsAny = tagsAny == null ? List.of() : ContactTags.normalize(tagsAny);
        tagsNone = tagsNone == null ? List.of() : ContactTags.normalize(tagsNone);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }
}

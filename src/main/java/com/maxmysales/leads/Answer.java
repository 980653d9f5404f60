package com.maxmysales.leads;

import java.util.List;

/**
 * One question of a lead form and what the person answered.
 *
 * @param key Meta's field name or Google's column id ({@code FULL_NAME}, {@code QUESTION_1}...)
 * @param label the question as the form showed it, when the platform sends it
 * @param values more than one for a multiple choice
 */
public record Answer(String key, String label, List<String> values) {

    public Answer {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public String value() {
        return values.isEmpty() ? null : String.join(", ", values);
    }
}

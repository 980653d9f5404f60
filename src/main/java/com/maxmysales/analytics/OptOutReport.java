package com.maxmysales.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Opt-outs per day by channel (keyword, button, sentence, meta, email) and "Unsubscribe" emails processed against
 * their 10-business-day deadline. Counts under the threshold are null.
 */
@JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
public record OptOutReport(LocalDate from, LocalDate to, List<Day> days, Map<String, @Nullable Integer> totals,
        @Nullable Integer emailRequestsProcessed, @Nullable Integer emailRequestsWithinDeadline) {

    public static final List<String> CHANNELS = List.of("keyword", "button", "sentence", "meta", "email");

    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    public record Day(LocalDate date, Map<String, @Nullable Integer> channels) {}
}

package com.maxmysales.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** Intents per day as anonymised counts; a count under the threshold is null (P2). */
@JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
public record IntentReport(LocalDate from, LocalDate to, List<Day> days, Map<String, @Nullable Integer> totals) {

    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    public record Day(LocalDate date, Map<String, @Nullable Integer> intents) {}
}

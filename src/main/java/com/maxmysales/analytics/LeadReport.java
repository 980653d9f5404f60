package com.maxmysales.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Leads by the day they came in, per source and form: how many, how many got a WhatsApp conversation, how long
 * that took (seconds). Counts under the threshold are null, and so are rates and times computed from them.
 */
@JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
public record LeadReport(LocalDate from, LocalDate to, List<Day> days, List<Source> sources) {

    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    public record Day(LocalDate date, @Nullable Integer received, @Nullable Integer contacted) {}

    /** @param conversion contacted / received */
    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    public record Source(UUID sourceId, @Nullable Integer received, @Nullable Integer contacted,
            @Nullable Double conversion, @Nullable Long timeToContactMedian, @Nullable Long timeToContactP90,
            List<Form> forms) {}

    /** @param formId the ad platform's form id; null for leads that named none */
    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    public record Form(@Nullable String formId, @Nullable Integer received, @Nullable Integer contacted) {}
}

package com.maxmysales.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Messages per day, of one number or all. Not suppressed: these are the business's own traffic, no person's.
 *
 * @param channelId the number asked for; null for all
 * @param channels the numbers that have figures in the range, for the filter
 */
@JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
public record MessageReport(LocalDate from, LocalDate to, @Nullable UUID channelId, List<Day> days, Totals totals,
        List<Failure> failures, List<Pricing> pricing, List<UUID> channels) {

    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    public record Day(LocalDate date, int inbound, int sent, int delivered, int read, int replied, int failed) {}

    /**
     * @param deliveryRate delivered / sent; null when nothing was sent
     * @param readRate read / delivered; null when nothing was delivered
     */
    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    public record Totals(int inbound, int sent, int delivered, int read, int replied, int failed,
            @Nullable Double deliveryRate, @Nullable Double readRate) {}

    /** @param meaning the error in words, from WhatsApp's catalogue (0: no code given) */
    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    public record Failure(int code, String meaning, int count) {}

    /** @param category Meta's pricing category: marketing, utility, authentication, service... */
    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    public record Pricing(String category, int messages) {}
}

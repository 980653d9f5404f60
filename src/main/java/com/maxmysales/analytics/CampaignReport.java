package com.maxmysales.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Campaigns' funnels: all campaigns' recipients per day, and each campaign's over the range. A recipient counts at
 * every step up to the furthest it reached, as on the campaign's page. Not suppressed: the business sees each
 * recipient, their statuses, reply and opt-out on the campaign's own page, so a small count singles out nobody it
 * does not already know, and a suppressed one would disagree with that page.
 */
@JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
public record CampaignReport(LocalDate from, LocalDate to, List<Day> days, List<Campaign> campaigns) {

    /** @param optedOut opt-outs within the STOP window of a campaign message, counted on the day of the opt-out */
    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    public record Day(LocalDate date, int sent, int delivered, int read, int replied, int optedOut) {}

    /**
     * One campaign over the range, its rates as on its page: each step of the step before.
     *
     * @param name null when the campaign was deleted since
     * @param deliveryRate delivered / sent; null when nothing was sent
     * @param readRate read / delivered; null when nothing was delivered
     * @param replyRate replied / read; null when nothing was read
     * @param stopRate opted out / sent; null when nothing was sent
     */
    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    public record Campaign(UUID campaignId, @Nullable String name, int sent, int delivered, int read, int replied,
            int optedOut, @Nullable Double deliveryRate, @Nullable Double readRate, @Nullable Double replyRate,
            @Nullable Double stopRate) {}
}

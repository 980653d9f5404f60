package com.maxmysales.analytics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param suppressBelow a count per agent, lead source, form, opt-out channel or intent smaller than this is shown as
 *                      null: so few could single out a person
 * @param dedupRetention how long an event's one-way key is kept to count a redelivered event once; the event
 *                       publication registry resubmits within minutes, so a week is ample
 * @param clockExpiry a conversation's clock nobody stopped (never answered, never resolved) is dropped after this long
 * @param sweepInterval how often expired keys and clocks are deleted
 * @param maxDays the longest range one query may ask for
 * @param applyInterval how often pending message counts are applied to the day tables (the figures trail by this)
 * @param applyBatch how many pending counts one statement applies at first
 * @param applyBatchMax how many one statement applies at most: while a backlog exists each batch doubles up to this
 * @param botContainedAfter a conversation the bot answered that no person took for this long counts as contained
 */
@ConfigurationProperties("maxmysales.analytics")
public record AnalyticsSettings(
        @DefaultValue("5") int suppressBelow,
        @DefaultValue("P7D") Duration dedupRetention,
        @DefaultValue("P30D") Duration clockExpiry,
        @DefaultValue("PT1H") Duration sweepInterval,
        @DefaultValue("366") int maxDays,
        @DefaultValue("PT0.5S") Duration applyInterval,
        @DefaultValue("5000") int applyBatch,
        @DefaultValue("50000") int applyBatchMax,
        @DefaultValue("PT24H") Duration botContainedAfter) {
}

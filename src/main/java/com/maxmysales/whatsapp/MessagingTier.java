package com.maxmysales.whatsapp;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Meta's messaging-limit tiers (TIER_250, TIER_2K, TIER_10K, TIER_100K, TIER_UNLIMITED; older TIER_50, TIER_1K):
 * how many unique users a business may message outside a customer-service window in a moving 24 hours, and what
 * that means for a number's rate. Meta raises a number to 1,000 messages per second only while its portfolio is
 * unlimited and its quality is not low; any other tier, or a flagged quality, is Meta's standard 80.
 */
final class MessagingTier {

    static final String UNLIMITED = "TIER_UNLIMITED";
    static final int STANDARD_THROUGHPUT = 80;
    static final int UPGRADED_THROUGHPUT = 1000;
    private static final Pattern TIER = Pattern.compile("TIER_(\\d+)(K?)");

    private MessagingTier() {
    }

    /** @return the unique recipients a day the tier allows; null for unlimited or a tier we cannot read */
    static @Nullable Integer dailyRecipientLimit(@Nullable String tier) {
        var matcher = tier == null ? null : TIER.matcher(tier);
        if (matcher == null || !matcher.matches()) {
            return null;
        }
        return Integer.parseInt(matcher.group(1)) * (matcher.group(2).isEmpty() ? 1 : 1000);
    }

    /** The number's rate after Meta's event: raised by a throughput upgrade, brought to 80 by a lower tier or quality. */
    static int messagesPerSecond(int current, @Nullable String event, @Nullable String tier, boolean flagged) {
        if ("THROUGHPUT_UPGRADE".equals(event) && !flagged) {
            return UPGRADED_THROUGHPUT;
        }
        var belowUnlimited = tier != null && !UNLIMITED.equals(tier);
        return belowUnlimited || flagged ? Math.min(current, STANDARD_THROUGHPUT) : current;
    }
}

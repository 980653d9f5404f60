package com.maxmysales.analytics.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** How the page writes figures: a suppressed one as "<5"-style mark, times in words a manager reads at a glance. */
public final class AnalyticsFormat {

    private AnalyticsFormat() {
    }

    /** A count, or "–" when it is suppressed (too few to show). */
    public static String count(@Nullable Integer count) {
        return count == null ? "–" : count.toString();
    }

    /** The raw value for the page's data attributes and the chart script: empty when suppressed. */
    public static String data(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

    public static String percent(@Nullable Double rate) {
        return rate == null ? "–" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    public static String duration(@Nullable Long seconds) {
        if (seconds == null) {
            return "–";
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return Math.round(seconds / 60.0) + " min";
        }
        if (seconds < 86_400) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
        }
        return String.format(Locale.ROOT, "%.1f d", seconds / 86_400.0);
    }
}

package com.maxmysales.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** How the report's page and PDF write times, durations and medians: the same words in both. */
public final class ReportText {

    private ReportText() {
    }

    /** In the workspace's zone, which the report names once at its top. */
    public static String time(@Nullable Instant instant, java.time.ZoneId zone) {
        return instant == null ? "never" : BreachReminders.at(instant, zone);
    }

    public static String days(Duration duration) {
        return duration.toDays() + " days";
    }

    /** A median in hours, or a dash when there was nothing to measure. */
    public static String hours(@Nullable Double hours) {
        return hours == null ? "–" : String.format(Locale.ROOT, "%.1f h", hours);
    }

    public static String seconds(@Nullable Double seconds) {
        return seconds == null ? "–" : String.format(Locale.ROOT, "%.1f s", seconds);
    }

    public static String percent(long part, long whole) {
        return whole == 0 ? "–" : Math.round(100.0 * part / whole) + " %";
    }
}

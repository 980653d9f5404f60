package com.maxmysales.analytics;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Durations kept as histogram buckets instead of one row per conversation (which would keep who waited how long):
 * bucket {@code i} counts durations up to {@code UPPER[i]} seconds (and above the previous bound); the last one,
 * everything longer than a week. Percentiles are read back by linear interpolation within their bucket.
 */
final class DurationBuckets {

    static final List<Long> UPPER = List.of(30L, 60L, 120L, 300L, 600L, 900L, 1800L, 3600L, 7200L, 14_400L, 28_800L,
            43_200L, 86_400L, 172_800L, 259_200L, 604_800L);

    /** How many buckets a histogram has: one per bound, and one above the last. */
    static final int SIZE = UPPER.size() + 1;

    private DurationBuckets() {
    }

    static int of(Duration duration) {
        var seconds = Math.max(0, duration.toSeconds());
        for (var i = 0; i < UPPER.size(); i++) {
            if (seconds <= UPPER.get(i)) {
                return i;
            }
        }
        return UPPER.size();
    }

    /**
     * The quantile {@code q} (0.5 for the median) of a histogram, in seconds; null for an empty one. Within the
     * open-ended last bucket it is that bucket's lower bound: "at least a week".
     */
    static @Nullable Long quantile(long[] counts, double q) {
        long total = 0;
        for (var count : counts) {
            total += count;
        }
        if (total == 0) {
            return null;
        }
        var rank = q * total;
        long below = 0;
        for (var i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && below + counts[i] >= rank) {
                var lower = i == 0 ? 0 : UPPER.get(i - 1);
                if (i >= UPPER.size()) {
                    return lower;
                }
                var fraction = (rank - below) / counts[i];
                return Math.round(lower + fraction * (UPPER.get(i) - lower));
            }
            below += counts[i];
        }
        return UPPER.getLast();
    }

    static long[] empty() {
        return new long[SIZE];
    }

    /** Adds a stored histogram (an SQL integer array) to a sum. */
    static void add(long[] sum, java.sql.Array stored) throws java.sql.SQLException {
        var counts = (Integer[]) stored.getArray();
        for (var i = 0; i < counts.length && i < sum.length; i++) {
            sum[i] += counts[i];
        }
    }
}

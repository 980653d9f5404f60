package com.maxmysales.bench;

import java.util.Arrays;

/** Request latencies of one run, in nanoseconds, reported as percentiles in milliseconds. */
final class Latencies {

    private final long[] nanos;
    private int count;

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    synchronized void add(long value) {
        nanos[count++] = value;
    }

    double percentileMillis(double percentile) {
        var sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        var index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000d;
    }
}

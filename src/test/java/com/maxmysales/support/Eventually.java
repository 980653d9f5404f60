package com.maxmysales.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for work the platform does asynchronously (webhook processing, dispatch), polling a condition. */
public final class Eventually {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private Eventually() {
    }

    public static void await(BooleanSupplier condition) {
        var deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + LIMIT.toSeconds() + " s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

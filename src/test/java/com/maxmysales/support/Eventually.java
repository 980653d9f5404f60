package com.maxmysales.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for work the platform does asynchronously (webhook processing, dispatch), polling a condition. A
 * passing test waits only as long as the work takes; the limit is what a 2-core machine shared by several builds
 * may take, with room to spare, so that load makes a test slow rather than red.
 */
public final class Eventually {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private Eventually() {
    }

    public static void await(BooleanSupplier condition) {
        await(LIMIT, condition);
    }

    /** For work known to take long, such as a child platform finishing an import of its own. */
    public static void await(Duration limit, BooleanSupplier condition) {
        var deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + limit.toSeconds() + " s");
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

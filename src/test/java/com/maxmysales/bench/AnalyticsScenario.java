package com.maxmysales.bench;

import java.util.Map;

import com.maxmysales.analytics.AnalyticsBench;

/**
 * {@code analytics}: N messages' events (-Dbench.analytics.messages, 1,000,000 by default) counted by the analytics
 * listeners against raw INSERTs of the same events; and the analytics page's queries over 90 days (target p95 <
 * 100 ms). On a platform started in this JVM: the listeners are the analytics module's own, package-private.
 */
final class AnalyticsScenario {

    private final int messages;
    private final int threads;

    AnalyticsScenario(int messages, int threads) {
        this.messages = messages;
        this.threads = threads;
    }

    Result run() throws Exception {
        var figures = AnalyticsBench.run(messages, threads);
        return new Result("analytics", figures.eventsPerSecond(), figures.p50Millis(), figures.p99Millis(),
                "single-row INSERTs of the same events into a plain table, same threads", figures.rawPerSecond(),
                Map.of("messages", figures.messages(), "events", figures.events(), "threads", threads,
                        "page_query_days", 90, "page_query_p50_ms", figures.queryP50Millis(),
                        "page_query_p95_ms", figures.queryP95Millis()));
    }
}

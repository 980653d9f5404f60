package com.maxmysales.bench;

import com.maxmysales.knowledge.ClassifyBench;
import java.util.LinkedHashMap;

/**
 * Issue 18's "classify p95 in-process": one message embedded and classified against the defaults' 400 examples,
 * 1,000 times in this JVM (no platform, no HTTP), with the model's load time and memory. Target: p95 under 20 ms.
 */
final class ClassifyScenario {

    private final int messages;

    ClassifyScenario(int messages) {
        this.messages = messages;
    }

    Result run() throws Exception {
        var figures = ClassifyBench.run(messages);
        var latencies = new Latencies(messages);
        figures.latenciesNanos().forEach(latencies::add);
        var extra = new LinkedHashMap<String, Object>(figures.figures());
        extra.put("p95_ms", latencies.percentileMillis(95));
        extra.put("messages", messages);
        // The baseline is the target: 20 ms a message, one thread.
        return new Result("classify", messages / figures.seconds(), latencies.percentileMillis(50),
                latencies.percentileMillis(99), "target p95 20 ms (50/s on one thread)", 50, extra);
    }
}

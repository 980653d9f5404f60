package com.maxmysales.chatbot;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * How long the bot spends on one customer message, by stage, as the metric {@code maxmysales.chatbot.answer}
 * (tag {@code stage}; p50, p95 and p99 of the last ten minutes on {@code /actuator/prometheus}): the bot bench reads it to tell the bot's own
 * time from the time the message waited before it reached the bot.
 */
@Component
class BotTimings {

    enum Stage {
        /** the message's wait for its turn ({@link InboundBot#AT_ONCE} answered at once), before the bot reads it */
        WAIT,
        /** settings, the message, its consent check, the contact, the live flows and the session */
        READ,
        /** the message embedded (once, for the classifier and the FAQ) and the intent classifier */
        CLASSIFY,
        /** the FAQ match and the LLM when one is configured */
        FAQ,
        /** the transaction: the session's lock, the flow, the replies queued, the session saved, the commit */
        DECIDE,
        /** part of DECIDE: a connection from the pool and the transaction begun */
        BEGIN,
        /** part of DECIDE: the turn's replies queued ({@code Outbound.queue} and those waiting behind the first) */
        QUEUE,
        /** part of DECIDE: the commit */
        COMMIT,
        /** all of it, from the bot's turn to the commit (WAIT not included) */
        TOTAL
    }

    private final Map<Stage, Timer> timers = new EnumMap<>(Stage.class);

    BotTimings(MeterRegistry registry) {
        for (var stage : Stage.values()) {
            timers.put(stage, Timer.builder("maxmysales.chatbot.answer").tag("stage", stage.name().toLowerCase(Locale.ROOT))
                    .description("the bot's time per customer message, by stage")
                    .publishPercentiles(0.5, 0.95, 0.99).distributionStatisticExpiry(Duration.ofMinutes(10))
                    .distributionStatisticBufferLength(1).register(registry));
        }
    }

    /** @return now, in nanoseconds, to time the next stage from */
    long record(Stage stage, long startedNanos) {
        var now = System.nanoTime();
        timers.get(stage).record(now - startedNanos, TimeUnit.NANOSECONDS);
        return now;
    }
}

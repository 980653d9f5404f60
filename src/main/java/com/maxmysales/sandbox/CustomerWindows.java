package com.maxmysales.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Meta's 24-hour customer-service window: open from a customer's last message to a business number until
 * 24 hours later. Only free-form messages need it; templates go out regardless.
 */
@Component
@WhenSandboxEnabled
class CustomerWindows {

    static final Duration LENGTH = Duration.ofHours(24);
    // Closed windows are forgotten once there are this many, so a long benchmark cannot fill the heap.
    private static final int SWEEP_ABOVE = 50_000;

    private record Key(String phoneNumberId, String waId) {
    }

    private final Clock clock;
    private final Map<Key, Instant> lastMessage = new ConcurrentHashMap<>();

    CustomerWindows(Clock clock) {
        this.clock = clock;
    }

    void customerWrote(String phoneNumberId, String waId) {
        var now = clock.instant();
        if (lastMessage.size() > SWEEP_ABOVE) {
            lastMessage.values().removeIf(at -> !at.plus(LENGTH).isAfter(now));
        }
        lastMessage.put(new Key(phoneNumberId, waId), now);
    }

    boolean isOpen(String phoneNumberId, String waId) {
        var last = lastMessage.get(new Key(phoneNumberId, waId));
        return last != null && clock.instant().isBefore(last.plus(LENGTH));
    }
}

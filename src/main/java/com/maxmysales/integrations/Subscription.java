package com.maxmysales.integrations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A business endpoint that hears about some events of its workspace. */
public record Subscription(UUID id, String url, List<String> events, Instant createdAt, Instant disabledAt) {

    public static final List<String> EVENTS = List.of("message.received", "message.status");
}

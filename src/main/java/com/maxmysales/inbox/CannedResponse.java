package com.maxmysales.inbox;

import java.time.Instant;
import java.util.UUID;

/** A workspace's saved reply, typed in the composer as {@code /shortcut}. */
public record CannedResponse(UUID id, String shortcut, String text, Instant createdAt) {}

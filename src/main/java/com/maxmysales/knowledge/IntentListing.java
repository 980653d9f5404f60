package com.maxmysales.knowledge;

import java.util.List;
import java.util.Map;

/**
 * A workspace's intent examples grouped by intent (intents in name order); {@code defaults} when it still uses the
 * demo examples it started with.
 */
public record IntentListing(boolean defaults, Map<String, List<String>> examples) {

    public int count() {
        return examples.values().stream().mapToInt(List::size).sum();
    }
}

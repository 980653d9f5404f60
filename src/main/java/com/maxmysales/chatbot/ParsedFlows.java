package com.maxmysales.chatbot;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published flows as the bot runs them, parsed once per published version instead of once per customer message
 * (a flow of 200 steps is read and checked whole). A flow is reused while the JSON read from the database is the
 * same text, so a publish on any node is seen at the next message; the text is read every time, the parse is not.
 */
@Component
class ParsedFlows {

    /** More published flows than this on one node (100 per workspace) and the cache starts again: it is only a cache. */
    static final int MAX_CACHED = 10_000;

    private record Parsed(String json, @Nullable Flow flow) {}

    private final ConcurrentHashMap<UUID, Parsed> cache = new ConcurrentHashMap<>();
    private final JsonMapper json;

    ParsedFlows(JsonMapper json) {
        this.json = json;
    }

    /** @return the flow, or null for one that no longer reads (a format change) or is not whole: skipped, not fatal */
    @Nullable Flow read(FlowStore.Live stored) {
        var cached = cache.get(stored.id());
        if (cached != null && cached.json().equals(stored.json())) {
            return cached.flow();
        }
        var read = FlowJson.read(json.readTree(stored.json()));
        // Only a whole flow runs: one leading to a step not written would leave its customer without an answer.
        var flow = read.whole() ? read.flow() : null;
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(stored.id(), new Parsed(stored.json(), flow));
        return flow;
    }
}

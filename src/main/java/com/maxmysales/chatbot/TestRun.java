package com.maxmysales.chatbot;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The test panel's conversation with a draft: nothing is sent and no contact changes; the state travels with the
 * panel.
 *
 * @param effects what the live bot would do, in words ("tag vip", "save email = a@b.in", "hand off to a person")
 */
public record TestRun(List<TestReply> replies, List<String> effects, State state, boolean handedOff) {

    /** Where the draft waits, and the pretend contact's attributes and tags. */
    public record State(@Nullable String step, int retries, Map<String, Object> attributes, Set<String> tags) {
        public static final State START = new State(null, 0, Map.of(), Set.of());
    }
}

package com.maxmysales.chatbot;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A conversation the bot leads: what starts it, and its steps by id. Read from JSON by {@link FlowJson}, which
 * checks every rule below and lists each problem, so a flow the bot runs is always whole.
 *
 * @param start the id of the first step
 */
public record Flow(String name, Trigger trigger, String start, Map<String, Step> steps) {

    public Flow {
        steps = Map.copyOf(steps);
    }

    public Optional<Step> step(@Nullable String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(steps.get(id));
    }

    /** What starts a flow: the first message of a conversation, one of these words, or an intent. */
    public sealed interface Trigger {
        record Welcome() implements Trigger {}

        /** @param keywords lower-case; a message that is one of them, or contains one as a word, starts the flow */
        record Keywords(List<String> keywords) implements Trigger {}

        record Intent(String intent) implements Trigger {}

        /** Started only from another flow's step or the test panel. */
        record Manual() implements Trigger {}
    }

    /** One step; {@code next} is the step after it, null to end. */
    public sealed interface Step {
        String id();

        /** Says something and goes on. */
        record Say(String id, String text, @Nullable String next) implements Step {}

        /** Offers options as reply buttons (at most 3) or a list (at most 10 rows), and waits for one. */
        record Menu(String id, String text, boolean list, @Nullable String button, List<Option> options) implements Step {}

        /**
         * Asks, checks the answer against the validation, saves it to the contact attribute, and asks again on a
         * wrong answer (at most {@link #MAX_RETRIES} times, then hands off).
         */
        record Question(String id, String text, String attribute, Validation validation, List<String> choices,
                @Nullable String retry, @Nullable String next) implements Step {
            public static final int MAX_RETRIES = 2;
        }

        record Condition(String id, Test test, @Nullable String then, @Nullable String otherwise) implements Step {}

        record Act(String id, Action action, @Nullable String next) implements Step {}
    }

    /** @param next the step an option leads to, null to end */
    public record Option(String id, String title, @Nullable String description, @Nullable String next) {}

    public enum Validation { TEXT, EMAIL, NUMBER, DATE, CHOICE }

    /** What a condition looks at. */
    public sealed interface Test {
        /** @param equals null: the attribute is set at all */
        record Attribute(String attribute, @Nullable String equals) implements Test {}

        record Tag(String tag) implements Test {}

        record BusinessHours() implements Test {}

        record Intent(String intent) implements Test {}
    }

    /** What an action step does. */
    public sealed interface Action {
        record AddTag(String tag) implements Action {}

        record SetAttribute(String attribute, String value) implements Action {}

        /** The conversation goes to the team, unassigned, and the bot stops in it. */
        record HandOff() implements Action {}

        record SendTemplate(String name, String language) implements Action {}

        /** POSTs the conversation's state, signed, to the business's own HTTPS endpoint. */
        record CallEndpoint(String url) implements Action {}
    }
}

package com.maxmysales.inbox;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the composer offers right now and why, so an agent never types a reply WhatsApp or the customer's consent
 * would refuse.
 *
 * @param windowOpen the customer wrote within 24 hours: free-form replies are allowed
 * @param closesAt when that window closes (null when the customer never wrote)
 * @param timeLeft the time left in it, in words ("5 h 12 min"), or null when closed
 * @param allowed what may be sent, and why, in one or two sentences
 * @param marketingOptOut the customer's withdrawal of marketing, in words, or null
 * @param mayReply a free-form reply would be queued
 * @param mayTemplate a template would be considered (each template says if it may go)
 * @param templates the approved templates of the number, each with whether it may go now
 * @param prefill the first template variable's value: the contact's name
 * @param sendKey an idempotency key for the next send: a form posted twice sends once
 */
public record ComposerState(boolean windowOpen, @Nullable Instant closesAt, @Nullable String timeLeft, String allowed,
        @Nullable String marketingOptOut, boolean mayReply, boolean mayTemplate, List<Choice> templates, String prefill,
        String sendKey) {

    /** A template the agent may pick, or see greyed out with the reason. */
    /** @param body its text with {@code {{1}}} placeholders, for the preview; null when the platform never saw it */
    public record Choice(String name, String language, String category, @Nullable String refused, @Nullable String body) {

        public String value() {
            return name + ":" + language;
        }
    }
}

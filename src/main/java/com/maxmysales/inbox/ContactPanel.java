package com.maxmysales.inbox;

import java.util.List;
import java.util.UUID;

import com.maxmysales.contacts.Contact;

import org.jspecify.annotations.Nullable;

/**
 * The customer beside their thread: who they are, what they allowed and withdrew (with the history), where they came
 * from, and their earlier conversations.
 */
public record ContactPanel(Contact contact, List<Consent> consent, List<ConsentEntry> history, List<LeadOrigin> leads,
        List<Earlier> earlier) {

    /** @param state {@code granted}, {@code withdrawn} or {@code not recorded}; {@code since} and {@code via} its entry */
    public record Consent(String purpose, String state, @Nullable String since, @Nullable String via) {

        public boolean withdrawn() {
            return "withdrawn".equals(state);
        }
    }

    public record ConsentEntry(String at, String purpose, String status, String via) {}

    /** @param answers each "question: answer" */
    public record LeadOrigin(UUID id, String source, @Nullable String form, @Nullable String campaign, String receivedAt,
            List<String> answers) {}

    public record Earlier(UUID id, String openedAt, String state) {}

    /** Withdrawn any purpose: the panel says so at the top. */
    public boolean optedOut() {
        return consent.stream().anyMatch(Consent::withdrawn);
    }
}

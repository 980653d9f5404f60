package com.maxmysales.sandbox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One bubble of the phone simulator.
 *
 * @param fromCustomer true for what the simulated customer wrote, false for what the business sent
 * @param header a template's header above the text, as the phone shows it; null for other messages
 * @param footer a template's footer below the text, in grey on the phone; null for other messages
 * @param tick for the business's messages, the status Meta reported; for the customer's, whether the
 *        platform took the webhook (delivered) and marked it read
 * @param problem why it failed, shown next to a failed tick
 * @param choices buttons or list rows the customer can tap to answer
 */
public record ChatMessage(String wamid, boolean fromCustomer, @Nullable String header, String text,
        @Nullable String footer, Tick tick, String problem, Instant at, List<Choice> choices) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    public enum Tick {
        PENDING("🕓"), SENT("✓"), DELIVERED("✓✓"), READ("✓✓"), FAILED("!");

        private final String symbol;

        Tick(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param kind what the reply is called in the inbound webhook: {@code button_reply} and {@code list_reply}
     *        answer interactive messages, {@code button} a template's quick-reply button; a template's link
     *        ({@code url}), phone number ({@code phone}) or other button is shown but answers nothing
     */
    public record Choice(String kind, String id, String title) {

        /** The kinds a customer answers with. */
        public static final Set<String> ANSWERS = Set.of("button_reply", "list_reply", "button");

        /** Whether tapping it sends the business a reply. */
        public boolean answers() {
            return ANSWERS.contains(kind);
        }
    }

    /** A message of one text, without a template's header or footer. */
    static ChatMessage plain(String wamid, boolean fromCustomer, String text, Tick tick, Instant at,
            List<Choice> choices) {
        return new ChatMessage(wamid, fromCustomer, null, text, null, tick, null, at, choices);
    }

    public ChatMessage {
        choices = List.copyOf(choices);
    }

    /** Statuses arrive out of order and only move forward: a late {@code delivered} never undoes {@code read}. */
    ChatMessage advancedTo(Tick next, String why) {
        if (tick == Tick.FAILED || next.ordinal() <= tick.ordinal()) {
            return this;
        }
        return new ChatMessage(wamid, fromCustomer, header, text, footer, next, why, at, choices);
    }

    public String time() {
        return TIME.format(at.atZone(ZoneId.systemDefault()));
    }
}

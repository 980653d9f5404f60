package com.maxmysales.sandbox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One bubble of the phone simulator.
 *
 * @param fromCustomer true for what the simulated customer wrote, false for what the business sent
 * @param tick for the business's messages, the status Meta reported; for the customer's, whether the
 *        platform took the webhook (delivered) and marked it read
 * @param problem why it failed, shown next to a failed tick
 * @param choices buttons or list rows the customer can tap to answer
 */
public record ChatMessage(String wamid, boolean fromCustomer, String text, Tick tick, String problem, Instant at,
        List<Choice> choices) {

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
     *        answer interactive messages, {@code button} a template's quick-reply button
     */
    public record Choice(String kind, String id, String title) {
    }

    public ChatMessage {
        choices = List.copyOf(choices);
    }

    /** Statuses arrive out of order and only move forward: a late {@code delivered} never undoes {@code read}. */
    ChatMessage advancedTo(Tick next, String why) {
        if (tick == Tick.FAILED || next.ordinal() <= tick.ordinal()) {
            return this;
        }
        return new ChatMessage(wamid, fromCustomer, text, next, why, at, choices);
    }

    public String time() {
        return TIME.format(at.atZone(ZoneId.systemDefault()));
    }
}

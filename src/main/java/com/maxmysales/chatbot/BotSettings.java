package com.maxmysales.chatbot;

import org.jspecify.annotations.Nullable;

/**
 * A workspace's bot: off until the business turns it on.
 *
 * @param hours null: always open
 * @param awayMessage sent outside business hours instead of a hand-off's "a person will answer"; null for none
 */
public record BotSettings(boolean enabled, @Nullable BusinessHours hours, @Nullable String awayMessage) {

    static final BotSettings DEFAULT = new BotSettings(false, null, null);
    public static final int MAX_AWAY_MESSAGE = 1024;
}

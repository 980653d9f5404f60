package com.maxmysales.chatbot;

import org.jspecify.annotations.Nullable;

/**
 * A workspace's bot: off until the business turns it on.
 *
 * @param hours null: always open
 * @param awayMessage sent outside business hours instead of a hand-off's "a person will answer"; null for none
 * @param useExampleFaq the bot answers from the example FAQ a workspace starts with (another business's entries):
 *        off until the business adopts them; a workspace with its own FAQ is answered from it either way
 */
public record BotSettings(boolean enabled, @Nullable BusinessHours hours, @Nullable String awayMessage,
        boolean useExampleFaq) {

    static final BotSettings DEFAULT = new BotSettings(false, null, null, false);
    public static final int MAX_AWAY_MESSAGE = 1024;
}

package com.maxmysales.chatbot;

import java.util.List;

import com.maxmysales.chatbot.Flow.Action;
import com.maxmysales.whatsapp.message.WhatsAppMessage;

import org.jspecify.annotations.Nullable;

/**
 * What one customer message did to a flow: the bot's replies in order, what it changes (run by the live bot,
 * described by the test panel), and where the flow waits now.
 *
 * @param waitingAt the menu or question step awaiting the customer's next message; null when the flow ended
 * @param handedOff the conversation goes to a person and the bot stops in it
 * @param understood false when the message answered no option of the menu the flow waited at: the flow is left and
 *                   the message is handled as if no flow were running
 */
public record Turn(List<WhatsAppMessage> replies, List<Effect> effects, @Nullable String waitingAt, int retries,
        boolean handedOff, boolean understood) {

    public Turn {
        replies = List.copyOf(replies);
        effects = List.copyOf(effects);
    }

    static Turn notUnderstood() {
        return new Turn(List.of(), List.of(), null, 0, false, false);
    }

    /** A change the flow makes beyond its messages. */
    public sealed interface Effect {
        /** @param value typed as the attribute is: text, a number or a date */
        record SaveAnswer(String attribute, Object value, Flow.Validation validation) implements Effect {}

        record Run(Action action) implements Effect {}
    }
}

package com.maxmysales.whatsapp.message;

/**
 * An emoji on a customer's message.
 *
 * @param messageId the wamid of the message reacted to
 * @param emoji the emoji; empty removes an earlier reaction
 */
public record Reaction(String messageId, String emoji) implements WhatsAppMessage {

    public Reaction {
        InvalidMessage.require(messageId != null && !messageId.isBlank() && emoji != null,
                "reaction needs message_id and emoji");
    }

    @Override
    public String type() {
        return "reaction";
    }

    @Override
    public String preview() {
        return emoji;
    }
}

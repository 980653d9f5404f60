package com.maxmysales.whatsapp.message;

/**
 * A message to a WhatsApp user, checked against Meta's rules when it is made (each type's constructor refuses
 * what Meta would refuse, with {@link InvalidMessage}).
 */
public sealed interface WhatsAppMessage permits Text, Template, Media, Interactive, Reaction {

    /** Meta's name of the type: {@code text}, {@code template}, {@code image}..., {@code interactive}, {@code reaction}. */
    String type();

    /** What a person reads of it in the inbox. */
    String preview();

    /** Whether Meta allows it only within 24 hours of the customer's last message: everything but a template. */
    default boolean freeForm() {
        return true;
    }
}

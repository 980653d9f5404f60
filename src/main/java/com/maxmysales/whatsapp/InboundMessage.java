package com.maxmysales.whatsapp;

import java.time.Instant;

/**
 * One message a customer sent, of any type.
 *
 * @param wamid Meta's id of the message: the key that makes a redelivery harmless
 * @param type Meta's type: text, image, audio, video, document, sticker, location, contacts, interactive,
 *             button, reaction, order, system, unsupported, or a newer one passed through as is
 * @param text what a person reads of it: the body, a caption, the chosen button or row, the emoji...
 * @param payload the type's own object as JSON (media ids, coordinates, list rows, order items...)
 * @param replyToWamid the wamid the customer quoted, when it was a reply
 * @param referral the click-to-WhatsApp ad that started the chat, as JSON, when there was one
 */
public record InboundMessage(String wamid, String type, Instant timestamp, String text, String payload,
        String replyToWamid, String referral) {
}

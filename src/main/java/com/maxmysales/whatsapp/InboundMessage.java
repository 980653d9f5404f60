package com.maxmysales.whatsapp;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One message a customer sent, of any type.
 *
 * @param wamid Meta's id of the message: the key that makes a redelivery harmless
 * @param type Meta's type: text, image, audio, video, document, sticker, location, contacts, interactive,
 *             button, reaction, order, system, unsupported, or a newer one passed through as is; for an edit,
 *             the edited message's new type
 * @param text what a person reads of it: the body, a caption, the chosen button or row, the emoji...
 * @param payload the type's own object as JSON (media ids, coordinates, list rows, order items...)
 * @param replyToWamid the wamid the customer quoted, when it was a reply
 * @param referral the click-to-WhatsApp ad (or post) that started the chat, as JSON, when there was one
 * @param errors what Meta could not deliver of it (131051: a type the Cloud API does not support), its own and
 *               those of the webhook that carried it
 * @param forwarded the customer forwarded it; {@code frequentlyForwarded}: it was forwarded many times before
 * @param change an edit or a revoke of an earlier message, rather than a message of its own
 */
public record InboundMessage(String wamid, String type, @Nullable Instant timestamp, @Nullable String text,
        @Nullable String payload, @Nullable String replyToWamid, @Nullable String referral, List<WhatsAppError> errors,
        boolean forwarded, boolean frequentlyForwarded, @Nullable Change change) {

    public InboundMessage {
        errors = List.copyOf(errors);
    }

    /** A message as most are: no errors, not forwarded, changing nothing earlier. */
    public InboundMessage(String wamid, String type, @Nullable Instant timestamp, @Nullable String text,
            @Nullable String payload, @Nullable String replyToWamid, @Nullable String referral) {
        this(wamid, type, timestamp, text, payload, replyToWamid, referral, List.of(), false, false, null);
    }

    /** The customer edited ({@code revoked} false: the new content is this message's) or deleted an earlier one. */
    public record Change(String originalWamid, boolean revoked) {}
}

package com.maxmysales.whatsapp;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One thing Meta said about a WhatsApp call on a connected number (the Calling API): it rang, was answered,
 * rejected or ended. A call's events come one by one, each naming the call by its id.
 *
 * @param callId Meta's id of the call ({@code wacid....}): the key every event of the call shares
 * @param businessInitiated the business called the customer; false: the customer called the business
 * @param status {@code ringing}, {@code accepted}, {@code rejected}, {@code completed}, {@code failed}, or Meta's
 *               newer word in lowercase
 * @param durationSeconds how long the call lasted, on its end
 * @param errors what Meta reported going wrong with it
 */
public record WhatsAppCall(String callId, boolean businessInitiated, String status, @Nullable Instant timestamp,
        @Nullable Instant startedAt, @Nullable Instant endedAt, @Nullable Integer durationSeconds,
        List<WhatsAppError> errors) {

    public WhatsAppCall {
        errors = List.copyOf(errors);
    }
}

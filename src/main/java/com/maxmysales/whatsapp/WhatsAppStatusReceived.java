package com.maxmysales.whatsapp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.maxmysales.shared.InTransactionOnly;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;

/**
 * Meta reported a status of a message we sent. {@code recipientId} is a phone number, so this too is
 * heard in-transaction only.
 *
 * @param callbackData our {@code biz_opaque_callback_data}, echoed: the message's own id, which finds it
 *                     even when the status races the send call's answer
 * @param pricing what Meta charges for the message, when the status says
 */
@InTransactionOnly
public record WhatsAppStatusReceived(WorkspaceId workspaceId, UUID channelId, String wamid, DeliveryStatus status,
        Instant timestamp, String recipientId, String callbackData, List<WhatsAppError> errors,
        @Nullable Pricing pricing) {

    /**
     * Meta's {@code pricing} and {@code conversation} of a status, kept for cost analytics.
     *
     * @param category marketing, utility, authentication, service, referral_conversion...
     * @param model CBP or PMP
     * @param conversationId Meta's conversation (a 24-hour billing window), when it still reports one
     * @param conversationCategory the conversation's {@code origin.type}
     */
    public record Pricing(@Nullable String category, @Nullable String model, @Nullable Boolean billable,
            @Nullable String conversationId, @Nullable String conversationCategory) {}
}

package com.maxmysales.whatsapp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.maxmysales.shared.InTransactionOnly;
import com.maxmysales.shared.WorkspaceId;

/**
 * Meta reported a status of a message we sent. {@code recipientId} is a phone number, so this too is
 * heard in-transaction only.
 *
 * @param callbackData our {@code biz_opaque_callback_data}, echoed: the message's own id, which finds it
 *                     even when the status races the send call's answer
 */
@InTransactionOnly
public record WhatsAppStatusReceived(WorkspaceId workspaceId, UUID channelId, String wamid, DeliveryStatus status,
        Instant timestamp, String recipientId, String callbackData, List<WhatsAppError> errors,
        String pricingCategory) {
}

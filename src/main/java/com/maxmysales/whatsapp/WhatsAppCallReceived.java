package com.maxmysales.whatsapp;

import java.util.UUID;

import com.maxmysales.shared.InTransactionOnly;
import com.maxmysales.shared.WorkspaceId;

/**
 * A call between a customer and a connected number rang, was answered or ended. Names the customer, so it is
 * published synchronously inside the transaction that applies the webhook, like {@link WhatsAppMessageReceived}.
 */
@InTransactionOnly
public record WhatsAppCallReceived(WorkspaceId workspaceId, UUID channelId, WhatsAppSender customer,
        WhatsAppCall call) {
}

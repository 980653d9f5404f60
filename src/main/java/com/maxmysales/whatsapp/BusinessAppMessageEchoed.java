package com.maxmysales.whatsapp;

import java.util.UUID;

import com.maxmysales.shared.InTransactionOnly;
import com.maxmysales.shared.WorkspaceId;

/**
 * The business sent a message to a customer from the WhatsApp Business app, on a number it also connected here
 * ("coexistence"), and Meta echoed it ({@code smb_message_echoes}). The message has the shape of a customer's (its
 * type, text and content, or an edit or deletion of an earlier one), but the business sent it: it was delivered
 * already and must never be sent again. Carries personal data, so it is published synchronously inside the
 * transaction that applies the webhook, like {@link WhatsAppMessageReceived}.
 *
 * @param customer the person the business wrote to
 */
@InTransactionOnly
public record BusinessAppMessageEchoed(WorkspaceId workspaceId, UUID channelId, WhatsAppSender customer,
        InboundMessage message) {
}

package com.maxmysales.whatsapp;

import java.util.UUID;

import com.maxmysales.shared.InTransactionOnly;
import com.maxmysales.shared.WorkspaceId;

/**
 * A customer changed their WhatsApp number ({@code system} message {@code user_changed_number}): {@code oldWaId}
 * is the number they wrote from until now, {@code newWaId} their number from now on. Published right after the
 * {@link WhatsAppMessageReceived} of that system message, in the same transaction; carries personal data, so only
 * synchronous listeners may consume it.
 */
@InTransactionOnly
public record WhatsAppNumberChanged(WorkspaceId workspaceId, UUID channelId, String oldWaId, String newWaId) {
}

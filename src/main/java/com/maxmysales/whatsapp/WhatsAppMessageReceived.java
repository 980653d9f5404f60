package com.maxmysales.whatsapp;

import java.util.UUID;

import com.maxmysales.shared.InTransactionOnly;
import com.maxmysales.shared.WorkspaceId;

/**
 * A customer wrote to a connected number. Carries personal data, so it is published synchronously inside
 * the transaction that applies the webhook and must never be consumed by an asynchronous listener: those
 * are persisted as plain JSON in the event registry. (ArchitectureTests enforces this.)
 */
@InTransactionOnly
public record WhatsAppMessageReceived(WorkspaceId workspaceId, UUID channelId, WhatsAppSender sender,
        InboundMessage message) {
}

package com.maxmysales.whatsapp;

import java.util.List;

import com.maxmysales.shared.InTransactionOnly;

/**
 * The delivery statuses of a batch of webhook events, in the order Meta sent them: published once per batch, so
 * that they are applied together (three come back for every message a broadcast sends). Each carries a recipient's
 * phone number, so this too is heard in-transaction only.
 */
@InTransactionOnly
public record WhatsAppStatusesReceived(List<WhatsAppStatusReceived> statuses) {

    public WhatsAppStatusesReceived {
        statuses = List.copyOf(statuses);
    }
}

package com.maxmysales.optout;

import java.util.UUID;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

/**
 * A customer's STOP (or START after a stop) written on WhatsApp is recorded in their consent.
 *
 * @param messageId the customer's message, the evidence
 * @param stop true for a stop, false for a return
 * @param language the language the customer used, which the confirmation is written in
 */
public record WhatsAppOptOutRecorded(WorkspaceId workspaceId, ContactId contactId, UUID messageId, UUID channelId,
        boolean stop, String language) {
}

package com.maxmysales.messaging;

import java.util.UUID;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

/**
 * A customer's message came from a click-to-WhatsApp ad or a post ({@code referral}). Ids only: the referral is
 * in {@link Message.Details#referral()}.
 */
public record ReferralReceived(WorkspaceId workspaceId, UUID conversationId, UUID messageId, ContactId contactId) {
}

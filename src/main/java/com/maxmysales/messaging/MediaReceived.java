package com.maxmysales.messaging;

import java.util.UUID;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

/**
 * A customer's image, video, audio, document or sticker is stored and its bytes are still at Meta. Published
 * apart from {@link MessageReceived} so that text, the bulk of traffic, leaves no download job in the
 * event registry.
 */
record MediaReceived(WorkspaceId workspaceId, UUID messageId, ContactId contactId, UUID channelId) {
}

package com.maxmysales.messaging;

import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

/** An outbound message moved to a new status. Ids and the status only. */
public record MessageStatusChanged(WorkspaceId workspaceId, UUID messageId, MessageStatus status, Integer errorCode) {
}

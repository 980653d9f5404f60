package com.maxmysales.whatsapp;

import java.time.Instant;
import java.util.UUID;

import com.maxmysales.shared.InTransactionOnly;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;

/** A customer stopped or resumed marketing messages in WhatsApp itself ({@code user_preferences}). */
@InTransactionOnly
public record MarketingPreferenceChanged(WorkspaceId workspaceId, UUID channelId, WhatsAppSender sender,
        boolean stopped, @Nullable Instant timestamp) {
}

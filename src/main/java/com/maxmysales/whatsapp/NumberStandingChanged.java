package com.maxmysales.whatsapp;

import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;

/**
 * Meta changed what a number may send: its rate (a tier or quality change, a throughput upgrade), its daily
 * unique-recipient limit, or a hold (a ban, a restriction, or their end). Published in the transaction that
 * records it, so the outbox paces and holds the number with the change. No personal data.
 */
public record NumberStandingChanged(WorkspaceId workspaceId, UUID channelId, int messagesPerSecond,
        @Nullable Integer dailyRecipientLimit, @Nullable SendingHold hold) {
}

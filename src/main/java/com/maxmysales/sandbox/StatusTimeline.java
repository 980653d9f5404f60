package com.maxmysales.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.maxmysales.sandbox.ChatMessage.Tick;
import com.maxmysales.sandbox.WebhookPayloads.ErrorItem;
import com.maxmysales.sandbox.WebhookPayloads.Pricing;
import com.maxmysales.sandbox.WebhookPayloads.Status;

import org.springframework.stereotype.Component;

/**
 * What happens to a message after the Cloud API accepted it: {@code sent}, {@code delivered} and, if the
 * customer reads it, {@code read}, each after its configured delay; or a single {@code failed}. Pricing
 * rides on {@code sent} and {@code delivered}, never on both {@code delivered} and {@code read}.
 */
@Component
@WhenSandboxEnabled
class StatusTimeline {

    /** @param failure why the message fails instead of being delivered, or null */
    record Outbound(String phoneNumberId, String wamid, String recipientId, String callbackData, Pricing pricing,
            MetaError failure) {
    }

    private final SandboxSettings settings;
    private final SandboxScheduler scheduler;
    private final StatusWebhooks webhooks;
    private final PhoneChats chats;
    private final Clock clock;

    StatusTimeline(SandboxSettings settings, SandboxScheduler scheduler, StatusWebhooks webhooks, PhoneChats chats,
            Clock clock) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.webhooks = webhooks;
        this.chats = chats;
        this.clock = clock;
    }

    void follow(Outbound message) {
        if (message.failure() != null) {
            at(settings.sentDelay(), message, Tick.FAILED, null, message.failure());
            return;
        }
        at(settings.sentDelay(), message, Tick.SENT, message.pricing(), null);
        at(settings.deliveredDelay(), message, Tick.DELIVERED, message.pricing(), null);
        if (SandboxFaults.strikes(settings.readProbability())) {
            at(settings.readDelay(), message, Tick.READ, null, null);
        }
    }

    private void at(Duration delay, Outbound message, Tick tick, Pricing pricing, MetaError failure) {
        scheduler.after(delay, () -> {
            var errors = failure == null ? null : List.of(ErrorItem.of(failure));
            webhooks.add(message.phoneNumberId(), new Status(message.wamid(), tick.code(),
                    String.valueOf(clock.instant().getEpochSecond()), message.recipientId(), message.callbackData(),
                    pricing, errors));
            chats.tick(message.phoneNumberId(), message.recipientId(), message.wamid(), tick,
                    failure == null ? null : failure.code() + " " + failure.title());
        });
    }
}

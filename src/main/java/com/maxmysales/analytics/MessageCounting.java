package com.maxmysales.analytics;

import java.time.Clock;
import java.util.UUID;

import com.maxmysales.analytics.Aggregates.MessageCount;
import com.maxmysales.messaging.MessageReceived;
import com.maxmysales.messaging.MessageStatus;
import com.maxmysales.messaging.MessageStatusChanged;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Messages per day and number: inbound, sent, delivered, read, replied, failed (by code), and Meta's pricing category.
 * A status implies the ones before it (a read message was delivered and sent, even when Meta skipped a webhook), and
 * each (message, status) is counted once however often its event comes.
 */
@Component
class MessageCounting {

    private final Aggregates aggregates;
    private final SeenEvents seen;
    private final Clocks clocks;
    private final WorkspaceDays days;
    private final Clock clock;

    MessageCounting(Aggregates aggregates, SeenEvents seen, Clocks clocks, WorkspaceDays days, Clock clock) {
        this.aggregates = aggregates;
        this.seen = seen;
        this.clocks = clocks;
        this.days = days;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(MessageReceived received) {
        var workspace = received.workspaceId();
        var today = days.today(workspace);
        var channel = orNone(received.channelId());
        if (!seen.first(workspace, "inbound:" + received.messageId(), today)) {
            return;
        }
        // The customer answered the business: counted once per answer, however many messages it wrote.
        var replied = clocks.stop(workspace, received.conversationId(), Clocks.Kind.REPLY).isPresent();
        aggregates.message(workspace, today, channel, MessageCount.INBOUND);
        if (replied) {
            aggregates.message(workspace, today, channel, MessageCount.REPLIED);
        }
    }

    @ApplicationModuleListener
    void on(MessageStatusChanged changed) {
        var workspace = changed.workspaceId();
        var today = days.today(workspace);
        var channel = orNone(changed.channelId());
        switch (changed.status()) {
            case SENT -> sent(changed, today, channel);
            case DELIVERED -> {
                sent(changed, today, channel);
                count(changed, today, channel, MessageCount.DELIVERED);
            }
            case READ, PLAYED -> {
                sent(changed, today, channel);
                count(changed, today, channel, MessageCount.DELIVERED);
                count(changed, today, channel, MessageCount.READ);
            }
            case FAILED -> {
                if (count(changed, today, channel, MessageCount.FAILED)) {
                    aggregates.failure(workspace, today, channel, changed.errorCode() == null ? 0 : changed.errorCode());
                }
            }
            default -> {
            }
        }
        var category = PricingCategories.normalised(changed.pricingCategory());
        if (category != null && seen.first(workspace, "pricing:" + changed.messageId(), today)) {
            aggregates.pricing(workspace, today, channel, category);
        }
    }

    private void sent(MessageStatusChanged changed, java.time.LocalDate today, UUID channel) {
        if (count(changed, today, channel, MessageCount.SENT) && changed.conversationId() != null) {
            clocks.start(changed.workspaceId(), changed.conversationId(), Clocks.Kind.REPLY, clock.instant());
        }
    }

    private boolean count(MessageStatusChanged changed, java.time.LocalDate today, UUID channel, MessageCount count) {
        WorkspaceId workspace = changed.workspaceId();
        if (!seen.first(workspace, count.column() + ":" + changed.messageId(), today)) {
            return false;
        }
        aggregates.message(workspace, today, channel, count);
        return true;
    }

    private static UUID orNone(@Nullable UUID channel) {
        return channel == null ? Aggregates.NONE : channel;
    }
}

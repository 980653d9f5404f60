package com.maxmysales.messaging;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Ends conversations idle for the configured timeout; their end starts the content-retention clock (P4). */
@Component
class ConversationLifecycle {

    private final Conversations conversations;
    private final MessagingSettings settings;
    private final Clock clock;

    ConversationLifecycle(Conversations conversations, MessagingSettings settings, Clock clock) {
        this.conversations = conversations;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT10S")
    int endIdleConversations() {
        var now = clock.instant();
        return conversations.endIdle(now.minus(settings.conversationIdleTimeout()), now);
    }
}

package com.maxmysales.analytics;

import java.time.Clock;

import com.maxmysales.chatbot.BotTurnTaken;
import com.maxmysales.inbox.AgentReplied;
import com.maxmysales.inbox.ConversationResolved;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Bot containment: a conversation the bot answered ends either contained (resolved, or quiet for
 * {@code bot-contained-after}, and no person ever wrote in it) or handed to a person (the bot handed off, or a team
 * member answered). The bot's first answer starts a clock (a one-way key of the conversation); whichever outcome comes
 * first stops it and is counted, once.
 */
@Component
class BotCounting {

    private final Aggregates aggregates;
    private final Clocks clocks;
    private final SeenEvents seen;
    private final WorkspaceDays days;
    private final AnalyticsSettings settings;
    private final Clock clock;

    BotCounting(Aggregates aggregates, Clocks clocks, SeenEvents seen, WorkspaceDays days, AnalyticsSettings settings,
            Clock clock) {
        this.aggregates = aggregates;
        this.clocks = clocks;
        this.seen = seen;
        this.days = days;
        this.settings = settings;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(BotTurnTaken turn) {
        var workspace = turn.workspaceId();
        var today = days.today(workspace);
        // Once per conversation: a turn after a person took it, or a redelivered one, starts nothing again.
        if (seen.first(workspace, "bot:" + turn.conversationId(), today)) {
            clocks.start(workspace, turn.conversationId(), Clocks.Kind.BOT, clock.instant());
            aggregates.bot(workspace, today, 1, 0, 0);
        }
        if (turn.handedOff()) {
            handedOff(workspace, turn.conversationId());
        }
    }

    @ApplicationModuleListener
    void on(AgentReplied replied) {
        handedOff(replied.workspaceId(), replied.conversationId());
    }

    @ApplicationModuleListener
    void on(ConversationResolved resolved) {
        var workspace = resolved.workspaceId();
        if (clocks.stop(workspace, resolved.conversationId(), Clocks.Kind.BOT).isPresent()) {
            aggregates.bot(workspace, days.today(workspace), 0, 1, 0);
        }
    }

    /** The bot's conversations that stayed quiet long enough without a person: contained. */
    @Scheduled(fixedDelayString = "${maxmysales.analytics.sweep-interval:PT1H}", initialDelayString = "PT2M")
    void containQuietConversations() {
        clocks.stopBotClocksBefore(clock.instant().minus(settings.botContainedAfter()))
                .forEach((workspace, contained) -> aggregates.bot(workspace, days.today(workspace), 0, contained, 0));
    }

    private void handedOff(WorkspaceId workspace, java.util.UUID conversation) {
        if (clocks.stop(workspace, conversation, Clocks.Kind.BOT).isPresent()) {
            aggregates.bot(workspace, days.today(workspace), 0, 0, 1);
        }
    }
}

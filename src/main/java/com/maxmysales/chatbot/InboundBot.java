package com.maxmysales.chatbot;

import java.util.UUID;
import java.util.concurrent.Semaphore;

import com.maxmysales.inbox.ConversationHold;
import com.maxmysales.messaging.MessageReceived;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * The bot's place in the inbound path: after the customer's message is stored and committed (with its STOP
 * check), asynchronously; a failure is kept by Spring Modulith's event registry for a retry, which the session's
 * last message id makes harmless. No transaction around it: the bot opens one only to decide (see {@link Bot}),
 * so that classifying, the FAQ and the LLM hold no connection. While the bot answers a conversation, the inbox's round robin leaves it alone.
 */
@Component
class InboundBot implements ConversationHold {

    private final Bot bot;
    private final SettingsStore settings;
    private final SessionStore sessions;
    private final BotTimings timings;
    /**
     * How many messages the bot answers at once on this node; the others wait their turn, in order. An answer is about
     * half the models' CPU and half waiting for statements (queueing a reply is nine round trips), so twice the cores
     * keeps them busy while answers wait on the database; each answer holds one connection at a time. Unbounded, a
     * burst of 20 questions a second took all 40 connections of the pool and the inbound path behind them stalled
     * (the first bot bench's timeouts); at the cores alone, a stretch of slow answers queued the rest (p95 2.9 s).
     */
    static final int AT_ONCE = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final Semaphore answering = new Semaphore(AT_ONCE, true);

    InboundBot(Bot bot, SettingsStore settings, SessionStore sessions, BotTimings timings) {
        this.bot = bot;
        this.timings = timings;
        this.settings = settings;
        this.sessions = sessions;
    }

    @Async
    @TransactionalEventListener
    void on(MessageReceived received) throws InterruptedException {
        var arrived = System.nanoTime();
        answering.acquire();
        timings.record(BotTimings.Stage.WAIT, arrived);
        try {
            bot.answer(received);
        } finally {
            answering.release();
        }
    }

    @Override
    public boolean holds(WorkspaceId workspace, UUID conversation) {
        return settings.of(workspace).enabled()
                && sessions.state(workspace, conversation).orElse(SessionStore.State.BOT) == SessionStore.State.BOT;
    }
}

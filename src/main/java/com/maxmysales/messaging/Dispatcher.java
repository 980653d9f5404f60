package com.maxmysales.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.contacts.Purpose;
import com.maxmysales.platform.PollingWorkers;
import com.maxmysales.whatsapp.ChannelManagement;
import com.maxmysales.whatsapp.GraphClient;
import com.maxmysales.whatsapp.RetryAdvice;
import com.maxmysales.whatsapp.SendOutcome;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends queued messages: claims due rows, paces each number and each recipient as Meta requires, marks a
 * row {@code sending}, asks the consent ledger once more right before the Graph call (a STOP may have come
 * in while the row waited) and records the outcome. Retryable refusals come back
 * later with backoff and jitter; the rest fail with Meta's code.
 */
@Component
class Dispatcher extends PollingWorkers {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final long IDLE_WAIT_MILLIS = 250;
    /** Our code, outside Meta's range: a contact known only by WhatsApp username has no number to send to. */
    static final int NO_PHONE = -6;

    private final Outbox outbox;
    private final ChannelManagement channels;
    private final ContactDirectory contacts;
    private final ConsentLedger consent;
    private final Conversations conversations;
    private final GraphClient graph;
    private final MessageCipher cipher;
    private final MessagingSettings settings;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Pacing pacing = new Pacing(System::nanoTime);
    private ExecutorService sends;
    private final Semaphore inFlight;

    Dispatcher(Outbox outbox, ChannelManagement channels, ContactDirectory contacts, ConsentLedger consent,
            Conversations conversations, GraphClient graph,
            MessageCipher cipher, DispatchSignal signal, MessagingSettings settings, ApplicationEventPublisher events,
            JsonMapper json, Clock clock, PlatformTransactionManager transactions) {
        super("dispatcher", settings.dispatchWorkers(), IDLE_WAIT_MILLIS, signal);
        this.inFlight = new Semaphore(settings.maxInFlight());
        this.outbox = outbox;
        this.channels = channels;
        this.contacts = contacts;
        this.consent = consent;
        this.conversations = conversations;
        this.graph = graph;
        this.cipher = cipher;
        this.settings = settings;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Claims one batch and starts sending it; returns how many rows it claimed. */
    @Override
    protected int work() throws InterruptedException {
        var now = clock.instant();
        var rows = transaction.execute(status ->
                outbox.claimDue(settings.dispatchBatchSize(), now, now.plus(settings.claimLease())));
        if (rows == null) {
            return 0;
        }
        for (var row : rows) {
            inFlight.acquire();
            sends.submit(() -> {
                try {
                    send(row);
                } catch (RuntimeException e) {
                    log.error("Dispatching message {} failed", row.id(), e);
                } finally {
                    inFlight.release();
                }
            });
        }
        return rows.size();
    }

    private void send(Messages.Row row) {
        var workspace = row.workspace();
        var channel = channels.get(workspace, row.channel());
        var pairWait = pacing.pairWait(channel.id(), row.contact());
        if (pairWait > 0) {
            outbox.postpone(workspace, row.id(), clock.instant().plusNanos(pairWait));
            return;
        }
        try {
            pacing.awaitNumber(channel.id(), channel.messagesPerSecond());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        var now = clock.instant();
        if (!outbox.markSending(workspace, row.id(), now, now.plus(settings.claimLease()))) {
            return;
        }
        var permission = consent.mayContact(workspace, row.contact(), row.purpose() == null ? Purpose.SERVICE : row.purpose(),
                !"template".equals(row.type()) && conversations.windowOpen(workspace, row.contact(), channel.id(), now));
        if (!permission.allowed()) {
            // Consent was withdrawn while the message waited (a STOP during a campaign): it never leaves.
            settle(() -> outbox.failed(workspace, row.id(), now, Outbox.CONSENT_WITHDRAWN,
                    permission.refusal() + ": " + permission.detail()),
                    new MessageStatusChanged(workspace, row.id(), MessageStatus.FAILED, Outbox.CONSENT_WITHDRAWN));
            return;
        }
        var to = contacts.phoneOf(workspace, row.contact()).orElse(null);
        if (to == null) {
            outbox.failed(workspace, row.id(), clock.instant(), NO_PHONE, "the contact has no phone number to send to");
            return;
        }
        var content = new OutboundContent(row.type(), json.readTree(cipher.payloadOf(row)), null, false);
        var outcome = graph.sendMessage(channel, content.graphBody(to.e164(), row.id().toString(), row.replyToWamid()));
        switch (outcome) {
            case SendOutcome.Accepted accepted -> settle(
                    () -> outbox.accepted(workspace, row.id(), accepted.wamid(), clock.instant()),
                    new MessageStatusChanged(workspace, row.id(), MessageStatus.SENT, null));
            case SendOutcome.Refused refused -> refused(row, refused);
        }
    }

    private void refused(Messages.Row row, SendOutcome.Refused refused) {
        var workspace = row.workspace();
        var error = refused.error();
        var attempts = row.attempts() + 1;
        var now = clock.instant();
        var retryAt = switch (refused.retry()) {
            case SOON -> attempts < settings.maxAttempts() ? now.plus(backoff(attempts)) : null;
            case RECIPIENT_BACKOFF -> attempts < settings.maxAttempts()
                    ? now.plusSeconds((long) Math.pow(4, Math.min(attempts - 1, 6))) : null;
            case AFTER_24_HOURS -> attempts == 1 ? now.plus(Duration.ofHours(24)) : null;
            case NEVER -> null;
        };
        if (retryAt != null) {
            outbox.retryAt(workspace, row.id(), retryAt, error.code(), error.details());
        } else {
            settle(() -> outbox.failed(workspace, row.id(), now, error.code(), error.details()),
                    new MessageStatusChanged(workspace, row.id(), MessageStatus.FAILED, error.code()));
        }
    }

    /**
     * The new state and its event in one transaction: listeners that act within it — the business's webhooks
     * (integrations) and a 131050 withdrawing marketing — hear of it with the change, or not at all.
     */
    private void settle(Runnable change, MessageStatusChanged changed) {
        transaction.executeWithoutResult(status -> {
            change.run();
            events.publishEvent(changed);
        });
    }

    /** Exponential with full jitter, so retries of a burst do not arrive at Meta together. */
    private static Duration backoff(int attempts) {
        var ceiling = Math.min(300_000L, 1000L << Math.min(attempts, 10));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    @Scheduled(fixedDelayString = "PT30S")
    void settleInterruptedSends() {
        var now = clock.instant();
        var failed = outbox.failUnknownOutcomes(now.minus(settings.unknownOutcomeAfter()), now);
        if (failed > 0) {
            log.warn("{} message(s) interrupted mid-send were not confirmed by Meta and are marked failed", failed);
        }
    }

    @Override
    public void start() {
        sends = Executors.newVirtualThreadPerTaskExecutor();
        super.start();
    }

    /** Lets the Graph calls under way finish: their outcome must be recorded. */
    @Override
    public void stop() {
        super.stop();
        sends.close();
    }
}

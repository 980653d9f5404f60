package com.maxmysales.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.contacts.Purpose;
import com.maxmysales.platform.Backoff;
import com.maxmysales.platform.CustomersFirst;
import com.maxmysales.platform.PollingWorkers;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.ChannelManagement;
import com.maxmysales.whatsapp.GraphClient;
import com.maxmysales.whatsapp.LocalFailure;
import com.maxmysales.whatsapp.SendOutcome;
import com.maxmysales.whatsapp.message.PreparedMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued messages: claims each number's due rows for its send slots that have come (lanes in order, see
 * {@link Outbox#claim}), waits for the next slot, keeps to Meta's pair limit, marks a row {@code sending}, asks the
 * consent ledger once more right before the Graph call (a STOP may have come in while the row waited) and records
 * the outcome. Retryable refusals come back later with backoff and jitter; a call that got no answer waits for
 * Meta's status webhook; the rest fail with Meta's code. Every failure is published as {@link MessageStatusChanged}.
 */
@Component
class Dispatcher extends PollingWorkers {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final long IDLE_WAIT_MILLIS = 250;
    /** The longest the next claim waits for customers' messages to be applied ({@link CustomersFirst}) before it goes anyway. */
    private static final Duration GIVE_WAY = Duration.ofMillis(200);
    /** The shortest wait for a busy number's next slots: a claim takes the slots that came meanwhile, 20 at 1,000/s. */
    private static final long MIN_CLAIM_INTERVAL_MILLIS = 20;
    /** 2 s, 4 s, 8 s... up to 5 min, each taken down by up to half so that retries of a burst do not meet at Meta. */
    private static final Backoff RETRY = Backoff.exponential(Duration.ofSeconds(2), Duration.ofMinutes(5)).withJitter(0.5);

    private final Outbox outbox;
    private final ChannelManagement channels;
    private final ContactDirectory contacts;
    private final ConsentLedger consent;
    private final Conversations conversations;
    private final GraphClient graph;
    private final MessageCipher cipher;
    private final DispatchSignal signal;
    private final MessagingSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Pacing pacing = new Pacing(System::nanoTime);
    private ExecutorService sends;
    private final AcceptedSends acceptedSends;
    private final Semaphore inFlight;
    private final CustomersFirst customersFirst;

    Dispatcher(Outbox outbox, ChannelManagement channels, ContactDirectory contacts, ConsentLedger consent,
            Conversations conversations, GraphClient graph, MessageCipher cipher, DispatchSignal signal,
            MessagingSettings settings, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions, CustomersFirst customersFirst) {
        super("dispatcher", settings.dispatchWorkers(), IDLE_WAIT_MILLIS, signal);
        this.inFlight = new Semaphore(settings.maxInFlight());
        this.outbox = outbox;
        this.channels = channels;
        this.contacts = contacts;
        this.consent = consent;
        this.conversations = conversations;
        this.graph = graph;
        this.cipher = cipher;
        this.signal = signal;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.customersFirst = customersFirst;
        this.transaction = new TransactionTemplate(transactions);
        this.acceptedSends = new AcceptedSends(outbox, transaction, events);
    }

    /**
     * Claims what the numbers' slots allow, marks it {@code sending} in chunks of as many as may be sent at once and
     * starts sending each chunk, then waits for the next slot of a number with work (or a message queued on this
     * node, which may be due at once). Returns 0 only when no number has work.
     */
    @Override
    protected int work() throws InterruptedException {
        customersFirst.giveWay(GIVE_WAY);
        var now = clock.instant();
        var claimed = transaction.execute(status -> outbox.claim(now, now.plus(settings.claimLease()),
                settings.dispatchBatchSize(), settings.dispatchBatchSize()));
        var ready = new ArrayList<Messages.Row>(claimed.size());
        for (var row : claimed) {
            var pairWait = pacing.pairWait(row.row().channel(), row.row().contact());
            if (pairWait > 0) {
                outbox.postpone(row.row().workspace(), row.row().id(), clock.instant().plusNanos(pairWait));
            } else {
                ready.add(row.row());
            }
        }
        for (int from = 0; from < ready.size(); ) {
            // As many as may call the Graph API now, one at least: a crash leaves no more than these unknown.
            inFlight.acquire();
            var permits = 1;
            while (permits < ready.size() - from && inFlight.tryAcquire()) {
                permits++;
            }
            var chunk = ready.subList(from, from + permits);
            from += permits;
            var sendingAt = clock.instant();
            java.util.Set<UUID> marked;
            try {
                marked = outbox.markSendingAll(chunk, sendingAt, sendingAt.plus(settings.claimLease()));
            } catch (RuntimeException e) {
                inFlight.release(permits);
                // Nothing of this chunk or the rest left the queue: given back now, not when their lease ends.
                try {
                    outbox.unclaim(ready.subList(from - permits, ready.size()));
                } catch (RuntimeException again) {
                    e.addSuppressed(again); // their lease gives them back a minute on
                }
                throw e;
            }
            inFlight.release(permits - marked.size());
            var rows = chunk.stream().filter(row -> marked.contains(row.id())).toList();
            Map<UUID, String> recipients;
            try {
                recipients = recipients(rows);
            } catch (RuntimeException e) {
                // Marked sending and not sent: the unknown-outcome sweep reports them failed, never sent twice.
                log.error("Checking the recipients of {} messages failed", rows.size(), e);
                inFlight.release(rows.size());
                continue;
            }
            for (var row : rows) {
                var to = recipients.get(row.id());
                if (to == null) {
                    inFlight.release();
                    continue;
                }
                sends.submit(() -> {
                    try {
                        send(row, to);
                    } catch (RuntimeException e) {
                        log.error("Dispatching message {} failed", row.id(), e);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        var next = outbox.nextSlot(clock.instant());
        if (next.isEmpty()) {
            return claimed.size();
        }
        // Not before a few slots have come: at 1,000 a second a wake-up per slot would pay the claim, the marks, the
        // consent reads and this probe for one or two messages each time. A message queued here still wakes it at once.
        signal.await(Math.clamp(ChronoUnit.MILLIS.between(clock.instant(), next.get()) + 1, MIN_CLAIM_INTERVAL_MILLIS,
                IDLE_WAIT_MILLIS));
        return Math.max(1, claimed.size());
    }

    /**
     * The consent ledger asked once more for rows marked {@code sending}, right before their Graph calls (a STOP may
     * have come in while they waited), with their recipients' numbers: for the whole chunk at once, a statement or
     * three per workspace instead of three per message. A row refused here fails and never leaves.
     *
     * @return the number to send each allowed row to, by the row's id
     */
    private Map<UUID, String> recipients(List<Messages.Row> rows) {
        var to = new HashMap<UUID, String>();
        var byWorkspace = rows.stream().collect(Collectors.groupingBy(Messages.Row::workspace, LinkedHashMap::new,
                Collectors.toList()));
        var now = clock.instant();
        byWorkspace.forEach((workspace, ofWorkspace) -> {
            var contactIds = ofWorkspace.stream().map(Messages.Row::contact).distinct().toList();
            var permissions = consent.permissions(workspace, contactIds);
            // Only a free-form message is a reply inside the window: a template's consent is asked without it.
            var lastInbound = conversations.lastInboundAll(workspace, ofWorkspace.stream()
                    .filter(row -> !"template".equals(row.type()))
                    .map(row -> new Conversations.Pair(row.contact(), row.channel())).toList());
            var phones = contacts.phonesOf(workspace, contactIds);
            for (var row : ofWorkspace) {
                var windowOpen = !"template".equals(row.type()) && Conversations.windowOpen(
                        lastInbound.get(new Conversations.Pair(row.contact(), row.channel())), now);
                var permission = permissions.mayContact(row.contact(), row.purpose() == null ? Purpose.SERVICE : row.purpose(),
                        windowOpen);
                var phone = phones.get(row.contact());
                if (!permission.allowed()) {
                    // Consent was withdrawn while the message waited (a STOP during a campaign): it never leaves.
                    fail(workspace, row, LocalFailure.CONSENT_WITHDRAWN, permission.refusal() + ": " + permission.detail());
                } else if (phone == null) {
                    fail(workspace, row, LocalFailure.NO_PHONE, "the contact has no phone number to send to");
                } else {
                    to.put(row.id(), phone.e164());
                }
            }
        });
        return to;
    }

    /** A row marked {@code sending} and cleared by {@link #recipients}: the Graph API is called. */
    private void send(Messages.Row row, String to) {
        var workspace = row.workspace();
        // The number's rate is paced by the claim: Meta's changes reach its slot with the change (SendingLimits).
        var channel = channels.get(workspace, row.channel());
        var outcome = graph.send(channel, to, new PreparedMessage(row.type(), cipher.payloadOf(row)),
                row.id().toString(), row.replyToWamid());
        switch (outcome) {
            case SendOutcome.Accepted accepted ->
                    acceptedSends.add(new Outbox.Accepted(workspace, row.id(), accepted.wamid(), clock.instant()));
            case SendOutcome.Refused refused -> refused(row, refused);
            case SendOutcome.Unknown unknown -> {
                // Sending again could deliver it twice: Meta's status webhook, matched by our id, decides.
                log.warn("Message {}: {}; waiting for Meta's status", row.id(), unknown.detail());
                outbox.awaitStatus(workspace, row.id(), clock.instant(), unknown.detail()
                        + "; waiting for Meta's status of this message, never sent again");
            }
        }
    }

    private void refused(Messages.Row row, SendOutcome.Refused refused) {
        var workspace = row.workspace();
        var error = refused.error();
        var attempts = row.attempts() + 1;
        var now = clock.instant();
        var retryAt = switch (refused.retry()) {
            case SOON -> attempts < settings.maxAttempts() ? now.plus(RETRY.after(attempts)) : null;
            case RECIPIENT_BACKOFF -> attempts < settings.maxAttempts()
                    ? now.plusSeconds((long) Math.pow(4, Math.min(attempts - 1, 6))) : null;
            case AFTER_24_HOURS -> attempts == 1 ? now.plus(Duration.ofHours(24)) : null;
            case NEVER -> null;
        };
        if (retryAt != null) {
            outbox.retryAt(workspace, row.id(), retryAt, error.code(), error.details());
        } else {
            settle(() -> outbox.failed(workspace, row.id(), now, error.code(), error.details()),
                    new MessageStatusChanged(workspace, row.id(), MessageStatus.FAILED, error.code(),
                            row.channel(), row.conversation(), MessageStatus.SENDING, row.ofCampaign()));
        }
    }

    private void fail(WorkspaceId workspace, Messages.Row row, LocalFailure failure, String detail) {
        settle(() -> outbox.failed(workspace, row.id(), clock.instant(), failure.code(), detail),
                new MessageStatusChanged(workspace, row.id(), MessageStatus.FAILED, failure.code(),
                        row.channel(), row.conversation(), MessageStatus.SENDING, row.ofCampaign()));
    }

    /**
     * The new state and its event in one transaction: listeners that act within it — the business's webhooks
     * (integrations) and a 131050 withdrawing marketing — hear of it with the change, or not at all. A change that
     * found the row moved on already (Meta's status came first) publishes nothing.
     */
    private void settle(BooleanSupplier change, MessageStatusChanged changed) {
        transaction.executeWithoutResult(status -> {
            if (change.getAsBoolean()) {
                events.publishEvent(changed);
            }
        });
    }

    /** Reports failed, and publishes, the sends whose outcome stayed unknown past the grace period. */
    @Scheduled(fixedDelayString = "${maxmysales.messaging.unknown-outcome-check:PT30S}")
    void settleUnknownOutcomes() {
        var now = clock.instant();
        var failed = transaction.execute(status -> {
            var settled = outbox.failUnknownOutcomes(now.minus(settings.unknownOutcomeAfter()), now);
            settled.forEach(row -> events.publishEvent(new MessageStatusChanged(row.workspace(), row.id(),
                    MessageStatus.FAILED, LocalFailure.UNKNOWN_OUTCOME.code(), row.channel(), row.conversation(),
                    MessageStatus.SENDING, row.ofCampaign())));
            return settled.size();
        });
        if (failed != null && failed > 0) {
            log.warn("{} message(s) whose send got no answer were not confirmed by Meta and are marked failed", failed);
        }
    }

    @Override
    public void start() {
        sends = Executors.newVirtualThreadPerTaskExecutor();
        acceptedSends.start();
        super.start();
    }

    /** Lets the Graph calls under way finish: their outcome must be recorded. */
    @Override
    public void stop() {
        super.stop();
        sends.close();
        try {
            acceptedSends.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

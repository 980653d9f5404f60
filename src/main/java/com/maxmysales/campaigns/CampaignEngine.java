package com.maxmysales.campaigns;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.messaging.Lane;
import com.maxmysales.messaging.MessagePurpose;
import com.maxmysales.messaging.MessageStatus;
import com.maxmysales.messaging.Outbound;
import com.maxmysales.messaging.OutboundRequest;
import com.maxmysales.messaging.OutboundResult;
import com.maxmysales.messaging.Recipient;
import com.maxmysales.platform.CustomersFirst;
import com.maxmysales.platform.PollingWorkers;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.ChannelManagement;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the campaigns: starts the scheduled ones whose time came, snapshots a launched campaign's audience a page a
 * step, and feeds each running campaign's pending recipients into messaging's campaign lane — never more than its
 * number's pace for the lookahead ({@link CampaignSettings#lookahead()}) waiting in the outbox, never in the
 * workspace's quiet hours, never past the number's messaging-limit tier. The number's send slots, shared by every
 * node, pace what is fed.
 * <p>
 * Each feed is one transaction holding the campaign's row (another node skips it): the outbox rows and the
 * recipients' {@code queued} marks commit together, and the idempotency key (campaign and contact) answers a
 * repeated feed with the first message, so a crash at any point sends nobody twice.
 */
@Component
class CampaignEngine extends PollingWorkers {

    /** The longest the next batch waits for customers' messages to be applied ({@link CustomersFirst}). */
    private static final Duration GIVE_WAY = Duration.ofMillis(200);

    private final CampaignRows campaigns;
    private final RecipientRows recipients;
    private final CampaignFunnel funnel;
    private final AudienceSnapshot snapshot;
    private final Campaigns control;
    private final ContactDirectory contacts;
    private final Outbound outbound;
    private final ChannelManagement channels;
    private final QuietHours quietHours;
    private final CampaignSettings settings;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final CustomersFirst customersFirst;

    CampaignEngine(CampaignRows campaigns, RecipientRows recipients, CampaignFunnel funnel, AudienceSnapshot snapshot,
            Campaigns control, ContactDirectory contacts, Outbound outbound,
            ChannelManagement channels, QuietHours quietHours, CampaignSettings settings, CampaignSignal signal, Clock clock,
            PlatformTransactionManager transactions, CustomersFirst customersFirst) {
        super("campaigns", 1, settings.pollInterval().toMillis(), signal);
        this.campaigns = campaigns;
        this.recipients = recipients;
        this.funnel = funnel;
        this.snapshot = snapshot;
        this.control = control;
        this.contacts = contacts;
        this.outbound = outbound;
        this.channels = channels;
        this.quietHours = quietHours;
        this.settings = settings;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.customersFirst = customersFirst;
    }

    @Override
    protected int work() throws InterruptedException {
        // Feeding a broadcast's next batch can wait while a customer's message waits for the inbox.
        customersFirst.giveWay(GIVE_WAY);
        transaction.executeWithoutResult(status -> campaigns.startDue(clock.instant()));
        var done = 0;
        var pagesThisRound = new HashSet<WorkspaceId>();
        for (var id : campaigns.runningIds()) {
            var handled = transaction.execute(status -> campaigns.lockIfFree(id)
                    .map(campaign -> step(campaign, pagesThisRound)).orElse(0));
            done += handled == null ? 0 : handled;
        }
        return done;
    }

    /**
     * One step of a running campaign whose row this transaction holds: the next page of its audience while that is
     * being read, and one batch fed from the recipients recorded so far, so its first messages go out after the first
     * page rather than after the whole audience. While pages are left it counts as work: the poller comes straight
     * back for the next one. A workspace reads one page per round, whatever number of campaigns it launched: forty
     * campaigns of one free workspace reading at once held another's first send back 17 s (attack round 10).
     */
    private int step(Campaign campaign, Set<WorkspaceId> pagesThisRound) {
        var reading = !campaign.snapshotDone();
        if (reading && pagesThisRound.add(campaign.workspaceId())) {
            reading = !readPage(campaign);
        }
        var fed = feedNext(campaign, reading);
        return reading ? fed + 1 : fed;
    }

    /**
     * Records the audience's next page and where the one after it starts, in this transaction: a crash between pages
     * continues from the last page committed, and {@link RecipientRows#append} skips whoever is recorded already.
     *
     * @return whether that was the last page
     */
    private boolean readPage(Campaign campaign) {
        var workspace = campaign.workspaceId();
        var page = snapshot.next(campaign, campaigns.snapshotCursor(workspace, campaign.id()));
        recipients.append(workspace, campaign.id(), page.rows());
        campaigns.snapshotRead(workspace, campaign.id(), page.next());
        if (page.next() != null) {
            return false;
        }
        snapshot.finish(campaign);
        return true;
    }

    /**
     * Feeds the next batch of pending recipients the number's room allows; a campaign with none pending, none
     * queued and its whole audience read is completed.
     */
    private int feedNext(Campaign campaign, boolean reading) {
        var workspace = campaign.workspaceId();
        var now = clock.instant();
        if (quietHours.endAfter(workspace, now) != null) {
            return 0;
        }
        var channel = channels.get(workspace, campaign.channelId());
        long room = (long) channel.messagesPerSecond() * Math.max(1, settings.lookahead().toSeconds())
                - recipients.queuedOnChannel(channel.id());
        var tier = channels.standing(workspace, channel.id()).dailyRecipientLimit();
        if (tier != null) {
            room = Math.min(room, tier - recipients.uniqueRecipientsSince(channel.id(), now.minus(Duration.ofHours(24))));
        }
        if (room <= 0) {
            return 0;
        }
        var batch = recipients.nextPending(campaign.id(), (int) Math.min(room, settings.feedBatch()));
        if (batch.isEmpty()) {
            // Nobody pending among the pages read is no end while pages are left: the next may hold recipients.
            if (!reading && !recipients.anyQueued(campaign.id())) {
                campaigns.status(workspace, campaign.id(), CampaignStatus.COMPLETED, null, null, null, now);
            }
            return 0;
        }
        feed(campaign, batch);
        return batch.size();
    }

    /**
     * Queues a batch of recipients' messages in one call ({@link Outbound#queueAll}, within this transaction): their
     * contacts read in one query, the outbox rows and the recipients' marks committed together. A refusal that
     * concerns the campaign rather than the person (its template, its number) pauses it.
     */
    private void feed(Campaign campaign, List<UUID> batch) {
        var workspace = campaign.workspaceId();
        var now = clock.instant();
        var loaded = contacts.getAll(workspace, batch.stream().map(ContactId::new).toList());
        var fed = new ArrayList<UUID>(batch.size());
        var requests = new ArrayList<OutboundRequest>(batch.size());
        for (var contactId : batch) {
            var contact = loaded.get(contactId);
            if (contact == null) {
                // Erased since the snapshot (the erasure removes their rows; this covers the race with it).
                recipients.markRefused(workspace, campaign.id(), contactId, RecipientStatus.EXCLUDED, Exclusion.ERASED,
                        "erased after the launch", now);
                continue;
            }
            fed.add(contactId);
            requests.add(OutboundRequest.of(workspace, Recipient.of(contact.id()), Personalisation.of(campaign, contact),
                    MessagePurpose.MARKETING, Lane.CAMPAIGN).withIdempotencyKey(campaign.keyFor(contactId))
                    .onChannel(campaign.channelId()));
        }
        if (requests.isEmpty()) {
            return;
        }
        var results = outbound.queueAll(requests);
        var queued = new ArrayList<RecipientRows.Queued>(results.size());
        var caughtUp = new ArrayList<com.maxmysales.messaging.Message>();
        String stop = null;
        for (int i = 0; i < results.size(); i++) {
            var contactId = fed.get(i);
            switch (results.get(i)) {
                case OutboundResult.Queued done -> {
                    var message = done.message();
                    queued.add(new RecipientRows.Queued(campaign.id(), contactId, message.id()));
                    if (message.status() != MessageStatus.QUEUED && message.status() != MessageStatus.SENDING) {
                        caughtUp.add(message); // queued before under this key and gone on since
                    }
                }
                case OutboundResult.Refused refused -> {
                    switch (refused.reason()) {
                        case OPTED_OUT -> recipients.markRefused(workspace, campaign.id(), contactId,
                                RecipientStatus.EXCLUDED, Exclusion.OPTED_OUT, refused.detail(), now);
                        case NO_CONSENT -> recipients.markRefused(workspace, campaign.id(), contactId,
                                RecipientStatus.EXCLUDED, Exclusion.NO_CONSENT, refused.detail(), now);
                        case TEMPLATE_NOT_APPROVED, NO_CHANNEL, UNKNOWN_CHANNEL, LANE_NOT_ALLOWED -> stop = refused.detail();
                        default -> recipients.markRefused(workspace, campaign.id(), contactId, RecipientStatus.FAILED,
                                null, refused.reason().code() + ": " + refused.detail(), now);
                    }
                }
            }
        }
        recipients.markQueued(workspace, campaign.id(), queued, now);
        funnel.statuses(caughtUp.stream().map(message -> new RecipientRows.StatusChange(workspace, message.id(),
                message.status().code(), message.errorCode(),
                message.errorCode() == null ? null : FailureCodes.words(message.errorCode()), now)).toList());
        if (stop != null) {
            // A refusal of the campaign itself: the pause takes back whatever this batch did queue, to feed again.
            control.pause(campaign, stop);
        }
    }
}

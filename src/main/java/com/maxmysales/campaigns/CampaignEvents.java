package com.maxmysales.campaigns;

import java.time.Clock;
import java.util.Set;

import com.maxmysales.contacts.ConsentWithdrawn;
import com.maxmysales.contacts.Purpose;
import com.maxmysales.messaging.CampaignConversations;
import com.maxmysales.messaging.MessageReceived;
import com.maxmysales.messaging.MessageStatus;
import com.maxmysales.messaging.MessageStatusChanged;
import com.maxmysales.messaging.OutboundRequest;
import com.maxmysales.messaging.QueuedSends;
import com.maxmysales.optout.OptOutMessages;
import com.maxmysales.platform.BeforeCommitBatch;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What happens to a campaign's messages and people after they were fed, followed within the transaction that
 * records it, so the recipient rows never disagree with messaging and the ledger: statuses, replies within the
 * reply window, and a withdrawal of marketing consent, which takes the person's waiting send back at once and
 * counts in the STOP rate of the campaigns that reached them lately.
 */
@Component
class CampaignEvents {

    private static final Set<MessageStatus> FOLLOWED = Set.of(MessageStatus.SENT, MessageStatus.DELIVERED,
            MessageStatus.READ, MessageStatus.PLAYED, MessageStatus.FAILED);

    private final RecipientRows recipients;
    private final CampaignFunnel funnel;
    private final CampaignConversations conversations;
    private final QueuedSends queued;
    private final OptOutMessages optOuts;
    private final WorkspaceCampaignRules rules;
    private final CampaignSettings settings;
    private final Clock clock;
    private final BeforeCommitBatch<RecipientRows.StatusChange> statuses;

    CampaignEvents(RecipientRows recipients, CampaignFunnel funnel, CampaignConversations conversations,
            QueuedSends queued, OptOutMessages optOuts, WorkspaceCampaignRules rules, CampaignSettings settings,
            Clock clock) {
        this.recipients = recipients;
        this.funnel = funnel;
        this.conversations = conversations;
        this.queued = queued;
        this.optOuts = optOuts;
        this.rules = rules;
        this.settings = settings;
        this.clock = clock;
        this.statuses = new BeforeCommitBatch<>(funnel::statuses);
    }

    /**
     * Collected as the statuses are published and applied together before the transaction commits: a webhook batch's
     * hundred statuses cost one statement, not a hundred, and none when no message of the batch is a campaign's.
     */
    @EventListener
    void on(MessageStatusChanged changed) {
        // A message of no campaign has no recipient row: a broadcast over the API costs no campaign statement.
        if (!changed.ofCampaign() || !FOLLOWED.contains(changed.status())) {
            return;
        }
        var status = changed.status() == MessageStatus.PLAYED ? MessageStatus.READ : changed.status();
        statuses.add(new RecipientRows.StatusChange(changed.workspaceId(), changed.messageId(), status.code(),
                changed.errorCode(), changed.errorCode() == null ? null : FailureCodes.words(changed.errorCode()),
                clock.instant()));
    }

    /**
     * The customer's first message after a campaign message, within the reply window, is its reply. When it came
     * after that conversation had ended (24 hours without a message), it opened a new one: the campaign message is
     * then recorded as the reply's context, so the new thread shows what the customer is answering.
     * <p>
     * A STOP, or anything else the opt-out module reads as about consent, answers nothing: it counts in the STOP
     * rate (through {@link ConsentWithdrawn}) and not as a reply. The opt-out module is asked only when a campaign
     * message awaits a reply, so the bulk of inbound messages costs no second reading.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(MessageReceived received) {
        var workspace = received.workspaceId();
        var contact = received.contactId().value();
        var now = clock.instant();
        var since = now.minus(rules.of(workspace).replyWindow());
        if (!recipients.awaitsReply(workspace, contact, since) || optOuts.aboutConsent(workspace, received.messageId())) {
            return;
        }
        funnel.replied(workspace, contact, since, now)
                .ifPresent(answered -> conversations.answering(workspace, received.messageId(), answered));
    }

    /** Marketing is what every opt-out withdraws (a STOP withdraws the other purposes too): one reaction per act. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ConsentWithdrawn withdrawn) {
        if (withdrawn.purpose() != Purpose.MARKETING) {
            return;
        }
        var workspace = withdrawn.workspaceId();
        var contact = withdrawn.contactId().value();
        for (var waiting : recipients.waiting(workspace, contact)) {
            var taken = waiting.message() == null ? java.util.List.<java.util.UUID>of()
                    : queued.withdraw(workspace, java.util.List.of(OutboundRequest.campaignKey(waiting.campaign(), contact)));
            recipients.withdraw(workspace, waiting.campaign(), contact, taken, Exclusion.OPTED_OUT);
        }
        var at = withdrawn.occurredAt();
        funnel.optedOut(workspace, contact, at.minus(settings.stopWindow()), at);
    }
}

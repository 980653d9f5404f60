package com.maxmysales.leads;

import java.time.Clock;
import java.time.Duration;

import com.maxmysales.inbox.InboxAssignments;
import com.maxmysales.messaging.Lane;
import com.maxmysales.messaging.Message;
import com.maxmysales.messaging.MessagePurpose;
import com.maxmysales.messaging.Outbound;
import com.maxmysales.messaging.OutboundRequest;
import com.maxmysales.messaging.OutboundResult;
import com.maxmysales.messaging.Recipient;
import com.maxmysales.whatsapp.message.InvalidMessage;
import com.maxmysales.whatsapp.message.Template;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a lead's follow-up template through the outbox (its idempotency key is the lead's id, so a crash
 * and a second attempt never send twice) and gives the conversation to the next agent in turn.
 */
@Component
class FollowUps {

    private static final Logger log = LoggerFactory.getLogger(FollowUps.class);
    private static final Duration RETRY_AFTER_ERROR = Duration.ofSeconds(30);

    private final LeadSources sources;
    private final LeadRows rows;
    private final LeadCipher cipher;
    private final Outbound outbound;
    private final InboxAssignments assignments;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    FollowUps(LeadSources sources, LeadRows rows, LeadCipher cipher, Outbound outbound,
            InboxAssignments assignments, PlatformTransactionManager transactions, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.sources = sources;
        this.rows = rows;
        this.cipher = cipher;
        this.outbound = outbound;
        this.assignments = assignments;
        this.clock = clock;
    }

    void send(LeadRows.Row lead) {
        var workspace = lead.workspace();
        var source = sources.get(workspace, lead.sourceId());
        var rule = source.followUp();
        if (rule == null) {
            rows.followUpNot(workspace, lead.id(), "none", "the source has no follow-up rule any more", null);
            return;
        }
        var answers = cipher.open(workspace, lead.answers());
        var phone = answers == null ? null : cipher.phoneOf(workspace, answers);
        if (phone == null) {
            rows.followUpNot(workspace, lead.id(), "unreachable", "the form gave no valid phone number", null);
            return;
        }
        Message message;
        try {
            var result = outbound.queue(OutboundRequest.of(workspace, Recipient.of(phone), template(rule, answers),
                    MessagePurpose.LEAD_FOLLOW_UP, Lane.FOLLOW_UP)
                    .withIdempotencyKey("lead-follow-up:" + lead.id()).onChannel(rule.channelId()));
            if (result instanceof OutboundResult.Refused refused) {
                rows.followUpNot(workspace, lead.id(), "refused", refused.reason().code() + ": " + refused.detail(), null);
                return;
            }
            message = ((OutboundResult.Queued) result).message();
        } catch (InvalidMessage invalid) {
            // The rule names a template Meta would refuse (a bad name): the lead's follow-up cannot go out as it is.
            rows.followUpNot(workspace, lead.id(), "refused", "invalid-message: " + invalid.getMessage(), null);
            return;
        } catch (RuntimeException unexpected) {
            retryLater(lead, unexpected);
            return;
        }
        // The inbox's round robin on the number (agents online first; a lead gets someone even when none is), the
        // rule's agents if it names some; the assignment and the lead's new status commit together.
        var agents = rule.agents().isEmpty() ? null : rule.agents();
        transaction.executeWithoutResult(status -> {
            rows.followedUp(workspace, lead.id(), message.id(), message.conversationId(),
                    assignments.assignInTurn(workspace, message.conversationId(), agents, true).orElse(null));
            events.publishEvent(new LeadContacted(workspace, lead.id(), lead.sourceId(), lead.formId(), lead.receivedAt(),
                    clock.instant()));
        });
    }

    private static Template template(FollowUpRule rule, Answers answers) {
        // Meta refuses an empty parameter: a missing answer without a fallback becomes a dash.
        return Template.of(rule.templateName(), rule.language()).withBody(rule.variables().stream()
                .map(variable -> answers.valueOf(variable.field()).orElse(variable.fallback()))
                .map(value -> value == null || value.isBlank() ? "-" : value)
                .toList());
    }

    private void retryLater(LeadRows.Row lead, RuntimeException error) {
        log.warn("Follow-up of lead {} failed; retrying in {}", lead.id(), RETRY_AFTER_ERROR, error);
        rows.followUpNot(lead.workspace(), lead.id(), "pending", "will retry: " + error.getClass().getSimpleName(),
                clock.instant().plus(RETRY_AFTER_ERROR));
    }
}

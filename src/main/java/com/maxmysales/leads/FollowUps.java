package com.maxmysales.leads;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.maxmysales.messaging.ConversationAssignments;
import com.maxmysales.messaging.Lane;
import com.maxmysales.messaging.Message;
import com.maxmysales.messaging.MessagePurpose;
import com.maxmysales.messaging.Outbound;
import com.maxmysales.messaging.OutboundRequest;
import com.maxmysales.messaging.OutboundResult;
import com.maxmysales.messaging.Recipient;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.Member;
import com.maxmysales.tenancy.WorkspaceManagement;
import com.maxmysales.whatsapp.message.InvalidMessage;
import com.maxmysales.whatsapp.message.Template;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final ConversationAssignments assignments;
    private final WorkspaceManagement workspaces;
    private final TransactionTemplate transaction;
    private final Clock clock;

    FollowUps(LeadSources sources, LeadRows rows, LeadCipher cipher, Outbound outbound,
            ConversationAssignments assignments, WorkspaceManagement workspaces,
            PlatformTransactionManager transactions, Clock clock) {
        this.transaction = new TransactionTemplate(transactions);
        this.sources = sources;
        this.rows = rows;
        this.cipher = cipher;
        this.outbound = outbound;
        this.assignments = assignments;
        this.workspaces = workspaces;
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
        // The turn is taken on its own, so the source's row is locked for one statement rather than for every
        // worker's whole follow-up; the assignment and the lead's new status then commit together.
        var agent = nextAgent(workspace, source, rule);
        transaction.executeWithoutResult(status -> rows.followedUp(workspace, lead.id(), message.id(),
                message.conversationId(), agent == null ? null
                        : assignments.assignIfUnassigned(workspace, message.conversationId(), agent).orElse(null)));
    }

    private static Template template(FollowUpRule rule, Answers answers) {
        // Meta refuses an empty parameter: a missing answer without a fallback becomes a dash.
        return Template.of(rule.templateName(), rule.language()).withBody(rule.variables().stream()
                .map(variable -> answers.valueOf(variable.field()).orElse(variable.fallback()))
                .map(value -> value == null || value.isBlank() ? "-" : value)
                .toList());
    }

    /**
     * The next of the rule's agents (or of every member who works conversations) in turn, skipping those disabled
     * or removed since; null when there is none.
     */
    private UUID nextAgent(WorkspaceId workspace, LeadSource source, FollowUpRule rule) {
        var workers = conversationWorkers(workspace);
        var agents = rule.agents().isEmpty() ? workers : rule.agents().stream().filter(workers::contains).toList();
        return agents.isEmpty() ? null : agents.get(sources.nextTurn(workspace, source.id(), agents.size()));
    }

    private List<UUID> conversationWorkers(WorkspaceId workspace) {
        var members = new ArrayList<UUID>();
        String cursor = null;
        do {
            var page = workspaces.members(workspace, cursor, 100);
            page.items().stream()
                    .filter(member -> member.active() && member.role().allows(Permission.CONVERSATIONS_READ))
                    .map(Member::id).forEach(members::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        return members;
    }

    private void retryLater(LeadRows.Row lead, RuntimeException error) {
        log.warn("Follow-up of lead {} failed; retrying in {}", lead.id(), RETRY_AFTER_ERROR, error);
        rows.followUpNot(lead.workspace(), lead.id(), "pending", "will retry: " + error.getClass().getSimpleName(),
                clock.instant().plus(RETRY_AFTER_ERROR));
    }
}

package com.maxmysales.inbox.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.maxmysales.inbox.Inbox;
import com.maxmysales.inbox.InboxChange;
import com.maxmysales.inbox.InboxConversation;
import com.maxmysales.inbox.InboxFilter;
import com.maxmysales.inbox.InboxStatus;
import com.maxmysales.inbox.Viewer;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The inbox's conversations in the API: the list with its filters, and assign, label, resolve, reopen, snooze. */
@RestController
@RequestMapping("/api/v1/conversations")
@Tag(name = "Conversations", description = "Conversations with contacts and their messages")
class ConversationApiController {

    private final Inbox inbox;

    ConversationApiController(Inbox inbox) {
        this.inbox = inbox;
    }

    /**
     * A conversation. {@code state} is messaging's ("open" or "ended": ended starts its content's retention clock);
     * {@code status} the team's; {@code current} whether it is its contact's newest on its number (the inbox's row).
     */
    record ConversationBody(UUID id, UUID contactId, UUID channelId, String status, @Nullable Instant snoozedUntil,
            @Nullable UUID assigneeId, List<String> labels, int unread, Instant lastMessageAt,
            @Nullable Instant lastInboundAt, String state, Instant openedAt, @Nullable Instant endedAt, boolean current) {
        static ConversationBody of(InboxConversation c) {
            return new ConversationBody(c.id(), c.contactId().value(), c.channelId(), c.status().code(), c.snoozedUntil(),
                    c.assigneeId(), c.labels(), c.unread(), c.lastMessageAt(), c.lastInboundAt(), c.state(), c.openedAt(),
                    c.endedAt(), c.current());
        }
    }

    /**
     * What to change; a field left out stays as it is. {@code "assigneeId": null} unassigns. {@code status} is
     * {@code open}, {@code pending}, {@code resolved} or {@code snoozed} (with {@code snoozedUntil}, a time to come).
     */
    static final class ConversationPatch {
        private @Nullable String status;
        private @Nullable Instant snoozedUntil;
        private @Nullable UUID assigneeId;
        private boolean assigneeGiven;
        private @Nullable List<String> labels;

        public @Nullable String getStatus() {
            return status;
        }

        public void setStatus(@Nullable String status) {
            this.status = status;
        }

        public @Nullable Instant getSnoozedUntil() {
            return snoozedUntil;
        }

        public void setSnoozedUntil(@Nullable Instant snoozedUntil) {
            this.snoozedUntil = snoozedUntil;
        }

        public @Nullable UUID getAssigneeId() {
            return assigneeId;
        }

        public void setAssigneeId(@Nullable UUID assigneeId) {
            this.assigneeId = assigneeId;
            this.assigneeGiven = true;
        }

        public @Nullable List<String> getLabels() {
            return labels;
        }

        public void setLabels(@Nullable List<String> labels) {
            this.labels = labels;
        }

        InboxChange change() {
            var parsed = status == null ? null : InboxStatus.fromCode(status).orElseThrow(() -> Refusal.invalid(
                    "invalid-status", "Invalid status", "status must be open, pending, resolved or snoozed"));
            return new InboxChange(parsed, snoozedUntil, assigneeGiven ? Optional.ofNullable(assigneeId) : null, labels);
        }
    }

    @GetMapping
    @RequiresPermission(Permission.CONVERSATIONS_READ)
    @PersonalDataRead("conversation.list")
    @Operation(summary = "Conversations, newest activity first, with filters")
    CursorPage<ConversationBody> list(Viewer viewer, @RequestParam(required = false) String status,
            @RequestParam(required = false) UUID assigneeId, @RequestParam(required = false) String label,
            @RequestParam(required = false) UUID contactId, @RequestParam(required = false) UUID channelId,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        var parsed = status == null || status.isBlank() ? null : InboxStatus.fromCode(status).orElseThrow(() ->
                Refusal.invalid("invalid-status", "Invalid status", "status must be open, pending, resolved or snoozed"));
        var filter = new InboxFilter(parsed, assigneeId, false, label == null || label.isBlank() ? null : label.strip(),
                channelId, contactId == null ? null : Set.of(new ContactId(contactId)), false);
        return inbox.list(viewer, filter, cursor, limit).map(ConversationBody::of);
    }

    @PatchMapping("/{conversationId}")
    @RequiresPermission(Permission.MESSAGES_SEND)
    @Operation(summary = "Assign, label, resolve, reopen or snooze a conversation (the same request twice is harmless)")
    ConversationBody change(Viewer viewer, @PathVariable UUID conversationId, @RequestBody ConversationPatch patch) {
        return ConversationBody.of(inbox.change(viewer, conversationId, patch.change()));
    }
}

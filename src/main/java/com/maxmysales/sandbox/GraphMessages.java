package com.maxmysales.sandbox;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.maxmysales.sandbox.ChatMessage.Tick;
import com.maxmysales.sandbox.SandboxSettings.Faults;
import com.maxmysales.sandbox.StatusTimeline.Outbound;
import com.maxmysales.sandbox.WebhookPayloads.Pricing;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /{phone-number-id}/messages}: accepts or refuses a send as the Cloud API does, then lets its
 * statuses unfold. Refusals (faults, the pair rate limit) are synchronous; failures Meta reports later
 * (24-hour window, unreachable number, unknown media) come as a {@code failed} status webhook. Only the
 * caller's workspace's sandbox numbers send: any other phone-number id, a real number's included, is unknown.
 */
@Component
@WhenSandboxEnabled
public class GraphMessages {

    /**
     * @param waId null when the caller named a BSUID, which Meta answers with {@code userId} instead
     * @param paced templates carry {@code message_status: accepted} in Meta's answer
     */
    public record Accepted(String input, String waId, String userId, String wamid, boolean paced) {
    }

    private final SandboxRegistry registry;
    private final SandboxFaults faults;
    private final PairRateLimits pairs;
    private final CustomerWindows windows;
    private final SandboxMedia media;
    private final SandboxTemplates templates;
    private final StatusTimeline timeline;
    private final PhoneChats chats;
    private final SandboxScheduler scheduler;
    private final Clock clock;

    GraphMessages(SandboxRegistry registry, SandboxFaults faults, PairRateLimits pairs, CustomerWindows windows, SandboxMedia media,
            SandboxTemplates templates, StatusTimeline timeline, PhoneChats chats, SandboxScheduler scheduler,
            Clock clock) {
        this.registry = registry;
        this.faults = faults;
        this.pairs = pairs;
        this.windows = windows;
        this.media = media;
        this.templates = templates;
        this.timeline = timeline;
        this.chats = chats;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Completes at once, or, under an injected timeout, only after the configured hold, by which time a
     * client has given up although the message was accepted and goes out: the ambiguity a real timeout leaves.
     */
    public CompletableFuture<Accepted> send(WorkspaceId workspace, String phoneNumberId, JsonNode request) {
        var number = registry.number(workspace, phoneNumberId)
                .orElseThrow(() -> GraphError.unknownObject("POST", phoneNumberId));
        var message = SendRequest.parse(request);
        var faults = this.faults.current(phoneNumberId);
        refuseIfFaulty(phoneNumberId, message, faults);
        var wamid = SandboxIds.wamid(message.waId());
        var windowOpen = windows.isOpen(phoneNumberId, message.waId());
        chats.add(phoneNumberId, message.waId(), bubble(number, wamid, message));
        timeline.follow(new Outbound(phoneNumberId, wamid, message.waId(), message.callbackData(),
                pricing(number, message, windowOpen), failure(workspace, message, windowOpen, faults)));

        var accepted = message.byUserId()
                ? new Accepted(message.input(), null, message.input(), wamid, message.isTemplate())
                : new Accepted(message.input(), message.waId(), null, wamid, message.isTemplate());
        if (SandboxFaults.strikes(faults.timeout())) {
            var held = new CompletableFuture<Accepted>();
            scheduler.after(faults.timeoutDelay(), () -> held.complete(accepted));
            return held;
        }
        return CompletableFuture.completedFuture(accepted);
    }

    /**
     * What the customer's phone shows: a template as its approved words with the send's values in them, when the
     * sandbox holds it (it keeps templates in memory: after a restart, a template shows by its name).
     */
    private ChatMessage bubble(SandboxAccount number, String wamid, SendRequest message) {
        var at = clock.instant();
        var content = message.content();
        var approved = message.isTemplate() ? templates.find(number.wabaId(), content.path("name").asString(""),
                content.path("language").path("code").asString("")) : Optional.<SandboxTemplates.Template>empty();
        if (approved.isPresent()) {
            var shown = TemplateBubble.of(approved.get().components(), content);
            return new ChatMessage(wamid, false, shown.header(), shown.body(), shown.footer(), Tick.PENDING, null, at,
                    shown.buttons());
        }
        return ChatMessage.plain(wamid, false, ChatTexts.text(message.type(), content), Tick.PENDING, at,
                ChatTexts.choices(message.type(), content));
    }

    private void refuseIfFaulty(String phoneNumberId, SendRequest message, Faults faults) {
        if (SandboxFaults.strikes(faults.serverError())) {
            throw GraphError.of(MetaError.UNKNOWN);
        }
        if (SandboxFaults.strikes(faults.rateLimit())) {
            throw GraphError.of(MetaError.RATE_LIMIT);
        }
        // Last, so that a refused send does not use up the pair's quota.
        if (faults.pairRateLimit() && !pairs.tryAcquire(phoneNumberId, message.waId())) {
            throw GraphError.of(MetaError.PAIR_RATE_LIMIT);
        }
    }

    /** {@code {"status": "read", "message_id": ...}}: the business read a customer's message. */
    public void markRead(WorkspaceId workspace, String phoneNumberId, JsonNode request) {
        registry.number(workspace, phoneNumberId).orElseThrow(() -> GraphError.unknownObject("POST", phoneNumberId));
        SendRequest.requireWhatsapp(request);
        var wamid = SendRequest.string(request, "message_id");
        if (wamid == null) {
            throw GraphError.missing("message_id");
        }
        SandboxIds.waIdOf(wamid).ifPresent(waId -> chats.tick(phoneNumberId, waId, wamid, Tick.READ, null));
    }

    private MetaError failure(WorkspaceId workspace, SendRequest message, boolean windowOpen, Faults faults) {
        if (!message.isTemplate() && faults.reEngagement() && !windowOpen) {
            return MetaError.RE_ENGAGEMENT;
        }
        if (message.mediaId() != null && media.find(workspace, message.mediaId()).isEmpty()) {
            return MetaError.MEDIA_UPLOAD;
        }
        return SandboxFaults.strikes(faults.notReachable()) ? MetaError.NOT_REACHABLE : null;
    }

    private Pricing pricing(SandboxAccount number, SendRequest message, boolean windowOpen) {
        if (!message.isTemplate()) {
            return Pricing.service();
        }
        var template = message.content();
        var category = templates.category(number.wabaId(), template.path("name").asString(""),
                template.path("language").path("code").asString("")).orElse("marketing");
        return Pricing.template(category, windowOpen);
    }
}

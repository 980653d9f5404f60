package com.maxmysales.whatsapp;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.maxmysales.platform.Cursor;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.OwnerNotices;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Keeps what Meta says about the message templates of every connected WhatsApp Business Account — review status,
 * quality score, category — per workspace that connected the account, by template name and language (the key a
 * send names a template by). {@link TemplateApprovals} reads it before a template is queued.
 *
 * <p>Meta's webhooks arrive out of order and more than once: each part changes only with news at least as recent
 * as what it holds ({@code entry.time}), so an old APPROVED never undoes a newer PAUSED.
 */
@Service
public class TemplateCatalogue {

    /** Something Meta said about one template of an account. */
    public sealed interface Update permits StatusUpdate, QualityUpdate, CategoryUpdate {
        String wabaId();

        @Nullable String templateId();

        @Nullable String name();

        @Nullable String language();

        @Nullable Instant at();
    }

    /** {@code message_template_status_update}; {@code category} when Meta names it there too. */
    public record StatusUpdate(String wabaId, @Nullable String templateId, @Nullable String name,
            @Nullable String language, @Nullable String event, @Nullable String reason, @Nullable String detail,
            @Nullable String category, @Nullable Instant at) implements Update {}

    /** {@code message_template_quality_update}. */
    public record QualityUpdate(String wabaId, @Nullable String templateId, @Nullable String name,
            @Nullable String language, @Nullable String previousScore, @Nullable String newScore, @Nullable Instant at)
            implements Update {}

    /** {@code template_category_update}. */
    public record CategoryUpdate(String wabaId, @Nullable String templateId, @Nullable String name,
            @Nullable String language, @Nullable String previousCategory, @Nullable String newCategory,
            @Nullable Instant at) implements Update {}

    /** Review events after which the template cannot be sent. */
    private static final java.util.Set<String> STOPPED = java.util.Set.of("REJECTED", "PAUSED", "DISABLED");

    private final ChannelManagement channels;
    private final MessageTemplates templates;
    private final ApplicationEventPublisher events;
    private final OwnerNotices owners;
    private final Clock clock;

    TemplateCatalogue(ChannelManagement channels, MessageTemplates templates, ApplicationEventPublisher events,
            OwnerNotices owners, Clock clock) {
        this.channels = channels;
        this.templates = templates;
        this.events = events;
        this.owners = owners;
        this.clock = clock;
    }

    /** @return false when no workspace connected the account */
    public boolean apply(Update update) {
        var workspaces = channels.workspacesOfWaba(update.wabaId());
        if (update.name() == null || update.language() == null) {
            // Nothing to key it on: a send names a template by name and language only.
            return !workspaces.isEmpty();
        }
        var now = clock.instant();
        var at = update.at() != null ? update.at() : now;
        for (var workspace : workspaces) {
            var before = templates.lock(workspace, update.wabaId(), update.name(), update.language(), now);
            var after = after(before, update, at, now);
            templates.save(workspace, after);
            // Only a change is news: Meta repeats webhooks, and the sync reads every template again each run.
            var changed = after.status() != null && !after.status().equals(before.status());
            if (changed) {
                tellOwner(workspace, after);
            }
            if (changed && update instanceof StatusUpdate status) {
                events.publishEvent(new TemplateStatusChanged(workspace, status.wabaId(), after.metaTemplateId(),
                        status.name(), status.language(), after.status(), after.reason(), at));
            }
        }
        return !workspaces.isEmpty();
    }

    /** A template that can no longer be sent is the owner's business: campaigns using it stop. */
    private void tellOwner(WorkspaceId workspace, CataloguedTemplate template) {
        var key = "whatsapp.template." + template.id();
        var status = template.status();
        if (!STOPPED.contains(status)) {
            owners.resolve(workspace, key);
            return;
        }
        var reason = TemplateReasons.reason(template.reason());
        owners.tell(workspace, key, "REJECTED".equals(status) ? OwnerNotices.Severity.WARNING
                        : OwnerNotices.Severity.CRITICAL,
                "Template " + template.name() + " (" + template.language() + "): " + status.toLowerCase(Locale.ROOT),
                "Meta " + status.toLowerCase(Locale.ROOT) + " the message template " + template.name() + " ("
                        + template.language() + ")" + (reason.isEmpty() ? "" : ": " + reason)
                        + (template.statusDetail() == null ? "" : " (" + template.statusDetail() + ")")
                        + ". Sends of it are refused" + ("REJECTED".equals(status) ? "; fix it and submit it again."
                                : " and campaigns using it pause until Meta allows it again."));
    }

    private static CataloguedTemplate after(CataloguedTemplate before, Update update, Instant at, Instant now) {
        var template = before.seen(update.templateId(), now);
        return switch (update) {
            case StatusUpdate change when newer(before.statusUpdatedAt(), at) && change.event() != null -> {
                var reviewed = template.reviewed(upper(change.event()), change.reason(), change.detail(), at);
                yield change.category() == null ? reviewed : categorised(reviewed, null, change.category(), at);
            }
            case QualityUpdate change when newer(before.qualityUpdatedAt(), at) && change.newScore() != null ->
                    template.scored(upper(change.newScore()),
                            change.previousScore() != null ? upper(change.previousScore()) : before.quality(), at);
            case CategoryUpdate change when change.newCategory() != null ->
                    categorised(template, change.previousCategory(), change.newCategory(), at);
            // Older than what is kept, or saying nothing: only the template's id may be new.
            default -> template;
        };
    }

    /** Meta (re)categorised the template, if that news is newer than the category kept. */
    private static CataloguedTemplate categorised(CataloguedTemplate template, @Nullable String previous, String category,
            Instant at) {
        if (!newer(template.categoryUpdatedAt(), at)) {
            return template;
        }
        var next = upper(category);
        var before = previous != null ? upper(previous)
                : template.category() != null && !template.category().equals(next) ? template.category()
                : template.previousCategory();
        return template.categorised(next, before, at);
    }

    /** News at least as recent as what is kept (or the first) wins: Meta's webhooks come out of order. */
    private static boolean newer(@Nullable Instant kept, Instant news) {
        return kept == null || !kept.isAfter(news);
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }

    public @Nullable CataloguedTemplate find(WorkspaceId workspace, String wabaId, String name, String language) {
        return templates.find(workspace, wabaId, name, language).orElse(null);
    }

    public CataloguedTemplate get(WorkspaceId workspace, UUID id) {
        return templates.find(workspace, id).orElseThrow(() -> Refusal.notFound("template " + id));
    }

    public CursorPage<CataloguedTemplate> list(WorkspaceId workspace, @Nullable String status, @Nullable String cursor,
            @Nullable Integer limit) {
        var size = CursorPage.limit(limit);
        return CursorPage.of(templates.page(workspace, status, Cursor.decode(cursor), size + 1), size,
                template -> new Cursor(template.updatedAt(), template.id()).encode());
    }
}

package com.maxmysales.whatsapp;

import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a message template to a number's WhatsApp Business Account: Meta's rules checked first (every broken one
 * reported at once, {@code 422 invalid-template}), then {@code POST /{waba-id}/message_templates}; the template is
 * kept {@code PENDING} until Meta's review webhook or the sync says more.
 *
 * <p>Safe to retry: a template of the same name and language already on the account is answered as it is, not
 * submitted again (Meta would refuse the second with "content in this language already exists").
 */
@Service
public class TemplateSubmissions {

    /** A template to write, in Meta's component format; {@code channelId} names the number (default: the first). */
    public record Submission(@Nullable String name, @Nullable String language, @Nullable String category,
            @Nullable String parameterFormat, @Nullable JsonNode components, @Nullable UUID channelId) {
    }

    /** @param created false when a template of that name and language existed already */
    public record Submitted(CataloguedTemplate template, boolean created) {
    }

    private final ChannelManagement channels;
    private final GraphClient graph;
    private final MessageTemplates templates;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;

    TemplateSubmissions(ChannelManagement channels, GraphClient graph, MessageTemplates templates,
            TransactionTemplate transaction, JsonMapper json, Clock clock) {
        this.channels = channels;
        this.graph = graph;
        this.templates = templates;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    /** Meta's rules the submission breaks, without submitting it (the builder's check as one types). */
    public List<TemplateViolation> check(Submission submission) {
        return TemplateRules.check(new TemplateRules.Draft(submission.name(), submission.language(),
                submission.category(), submission.parameterFormat(), submission.components()));
    }

    public Submitted submit(WorkspaceId workspace, Submission submission) {
        var violations = check(submission);
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        var channel = channel(workspace, submission.channelId());
        var name = submission.name();
        var language = submission.language();
        var existing = templates.find(workspace, channel.wabaId(), name, language);
        if (existing.isPresent()) {
            return new Submitted(existing.get(), false);
        }
        var category = submission.category().toUpperCase(Locale.ROOT);
        var named = "NAMED".equalsIgnoreCase(submission.parameterFormat());
        var body = new LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("language", language);
        body.put("category", category);
        if (named) {
            body.put("parameter_format", "named");
        }
        body.put("components", submission.components());
        JsonNode answer;
        try {
            answer = graph.post(GraphRoute.of(channel), channel.wabaId() + "/message_templates", body,
                    channels.accessToken(channel));
        } catch (GraphCallFailed refused) {
            // A retry racing the first attempt finds Meta's "already exists": answer the one the first kept.
            var raced = templates.find(workspace, channel.wabaId(), name, language);
            if (raced.isPresent()) {
                return new Submitted(raced.get(), false);
            }
            throw Refusal.unprocessable("template-refused-by-meta", "Meta refused the template",
                    refused.getMessage(), Map.of("metaErrorCode", refused.code()));
        } catch (IOException e) {
            throw new Refusal(Refusal.Kind.UPSTREAM_FAILED, "graph-unavailable", "Meta's Graph API failed",
                    "The template was not submitted: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(Refusal.Kind.UPSTREAM_FAILED, "graph-unavailable", "Meta's Graph API failed",
                    "Interrupted waiting for Meta: the template may not have been submitted; submit it again.");
        }
        var metaId = answer.path("id").asString(null);
        var status = answer.path("status").asString("PENDING").toUpperCase(Locale.ROOT);
        var components = json.writeValueAsString(submission.components());
        var saved = transaction.execute(tx -> {
            var now = clock.instant();
            var row = templates.lock(workspace, channel.wabaId(), name, language, now).seen(metaId, now);
            if (row.status() == null) {
                // Seconds, as Meta's webhooks time their news: a review in this same second still wins.
                row = row.reviewed(status, null, null, now.truncatedTo(ChronoUnit.SECONDS));
            }
            if (row.category() == null) {
                row = row.categorised(answer.path("category").asString(category).toUpperCase(Locale.ROOT), null,
                        now.truncatedTo(ChronoUnit.SECONDS));
            }
            templates.save(workspace, row);
            templates.describe(workspace, row.id(), components, named ? "NAMED" : "POSITIONAL", now);
            return templates.find(workspace, row.id()).orElseThrow();
        });
        return new Submitted(saved, true);
    }

    private Channel channel(WorkspaceId workspace, @Nullable UUID channelId) {
        if (channelId != null) {
            return channels.get(workspace, channelId);
        }
        return channels.list(workspace).stream().findFirst().orElseThrow(() -> Refusal.unprocessable("no-channel",
                "No WhatsApp number", "Connect a WhatsApp number first: templates belong to its business account."));
    }

    static Refusal invalid(List<TemplateViolation> violations) {
        var listed = violations.stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList();
        return Refusal.unprocessable("invalid-template", "The template breaks Meta's rules",
                violations.size() + " rule(s) broken: " + violations.getFirst().field() + ": "
                        + violations.getFirst().message() + (violations.size() > 1 ? " (and more)" : ""),
                Map.of("violations", listed));
    }
}

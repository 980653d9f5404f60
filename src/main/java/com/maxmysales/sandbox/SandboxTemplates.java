package com.maxmysales.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.maxmysales.sandbox.WebhookPayloads.Change;
import com.maxmysales.sandbox.WebhookPayloads.Entry;
import com.maxmysales.sandbox.WebhookPayloads.Notification;
import com.maxmysales.sandbox.WebhookPayloads.RejectionInfo;
import com.maxmysales.sandbox.WebhookPayloads.TemplateStatusValue;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Message templates submitted to a WABA: stored as {@code PENDING}, then reviewed after a delay and announced
 * with the signed {@code message_template_status_update} webhook Meta sends. Every template is approved,
 * except that a name starting with {@code reject_} is rejected, so a platform can rehearse both outcomes.
 */
@Component
@WhenSandboxEnabled
public class SandboxTemplates {

    static final int MAX_PER_WABA = 250;
    /** All workspaces' templates together: the sandbox keeps them in memory. */
    static final int MAX_KEPT = 5_000;
    /** Meta's templates are far smaller (a body of 1,024 characters); a larger submission only fills memory. */
    static final int MAX_COMPONENTS_CHARS = 16_384;
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,512}");
    private static final Set<String> CATEGORIES = Set.of("MARKETING", "UTILITY", "AUTHENTICATION");

    /** @param rejectedReason Meta's reason code of a rejection, {@code NONE} otherwise */
    public record Template(String id, String name, String language, String category, JsonNode components,
            String status, String rejectedReason, String parameterFormat) {

        Template withStatus(String newStatus, String reason) {
            return new Template(id, name, language, category, components, newStatus, reason, parameterFormat);
        }
    }

    private final SandboxSettings settings;
    private final SandboxScheduler scheduler;
    private final WebhookDelivery delivery;
    private final Clock clock;
    private final Map<String, Map<String, Template>> byWaba = new LinkedHashMap<>();

    SandboxTemplates(SandboxSettings settings, SandboxScheduler scheduler, WebhookDelivery delivery, Clock clock) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.delivery = delivery;
        this.clock = clock;
    }

    public synchronized Template submit(String wabaId, JsonNode request) {
        var name = SendRequest.string(request, "name");
        var language = SendRequest.string(request, "language");
        var category = SendRequest.string(request, "category");
        if (name == null || !NAME.matcher(name).matches()) {
            throw GraphError.invalid("Param name must be 1 to 512 lowercase letters, digits and underscores.");
        }
        if (language == null || category == null || !CATEGORIES.contains(category.toUpperCase(Locale.ROOT))) {
            throw GraphError.invalid("Params language and category (one of " + CATEGORIES + ") are required.");
        }
        if (!request.path("components").isArray() || request.path("components").isEmpty()) {
            throw GraphError.missing("components");
        }
        if (request.get("components").toString().length() > MAX_COMPONENTS_CHARS) {
            throw GraphError.invalid("Param components is too large: at most " + MAX_COMPONENTS_CHARS + " characters.");
        }
        if (byWaba.values().stream().mapToInt(Map::size).sum() >= MAX_KEPT) {
            throw new GraphError(MetaError.INVALID_PARAMETER, "The sandbox holds " + MAX_KEPT
                    + " templates, its most: delete some first.", 2388019);
        }
        var templates = byWaba.computeIfAbsent(wabaId, id -> new LinkedHashMap<>());
        if (templates.containsKey(key(name, language))) {
            throw new GraphError(MetaError.INVALID_PARAMETER, "Content in this language already exists.", 2388024);
        }
        if (templates.size() >= MAX_PER_WABA) {
            throw new GraphError(MetaError.INVALID_PARAMETER, "Message templates limit reached: " + MAX_PER_WABA, 2388019);
        }
        var template = new Template(SandboxIds.graphId(), name, language, category.toUpperCase(Locale.ROOT),
                request.get("components"), "PENDING", "NONE",
                "named".equalsIgnoreCase(SendRequest.string(request, "parameter_format")) ? "NAMED" : "POSITIONAL");
        templates.put(key(name, language), template);
        scheduler.after(settings.templateApprovalDelay(), () -> review(wabaId, template));
        return template;
    }

    public synchronized List<Template> list(String wabaId, String name, String status) {
        return byWaba.getOrDefault(wabaId, Map.of()).values().stream()
                .filter(template -> name == null || template.name().equals(name))
                .filter(template -> status == null || template.status().equalsIgnoreCase(status))
                .toList();
    }

    /** Deletes every language of a name, or one template by id; answers how many went. */
    public synchronized int delete(String wabaId, String name, String templateId) {
        var templates = byWaba.getOrDefault(wabaId, new LinkedHashMap<>());
        var doomed = new ArrayList<String>();
        templates.forEach((key, template) -> {
            if ((name == null || template.name().equals(name)) && (templateId == null || template.id().equals(templateId))) {
                doomed.add(key);
            }
        });
        doomed.forEach(templates::remove);
        return doomed.size();
    }

    /** This WABA's template of that name and language, whatever its status. */
    synchronized Optional<Template> find(String wabaId, String name, String language) {
        return Optional.ofNullable(byWaba.getOrDefault(wabaId, Map.of()).get(key(name, language)));
    }

    /** The category Meta would price a send of this WABA's template in, in the lowercase of the pricing object. */
    synchronized Optional<String> category(String wabaId, String name, String language) {
        return Optional.ofNullable(byWaba.getOrDefault(wabaId, Map.of()).get(key(name, language)))
                .map(template -> template.category().toLowerCase(Locale.ROOT));
    }

    private void review(String wabaId, Template submitted) {
        var rejected = submitted.name().startsWith("reject_");
        var event = rejected ? "REJECTED" : "APPROVED";
        synchronized (this) {
            var templates = byWaba.get(wabaId);
            var key = key(submitted.name(), submitted.language());
            if (templates == null || templates.get(key) == null || !templates.get(key).id().equals(submitted.id())) {
                return;
            }
            templates.put(key, submitted.withStatus(event, rejected ? "INVALID_FORMAT" : "NONE"));
        }
        var value = new TemplateStatusValue(event, Long.parseLong(submitted.id()), submitted.name(), submitted.language(),
                rejected ? "INVALID_FORMAT" : "NONE", submitted.category(), rejected ? new RejectionInfo(
                        "The sandbox rejects every template whose name starts with reject_.",
                        "Rename it without reject_ and submit it again.") : null);
        delivery.deliver(Notification.of(new Entry(wabaId, clock.instant().getEpochSecond(),
                List.of(new Change("message_template_status_update", value)))));
    }

    private static String key(String name, String language) {
        return name + "|" + language;
    }
}

package com.maxmysales.chatbot.web;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.maxmysales.chatbot.BotSettings;
import com.maxmysales.chatbot.BusinessHours;
import com.maxmysales.chatbot.Chatbot;
import com.maxmysales.chatbot.StoredFlow;
import com.maxmysales.chatbot.TestRun;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The chatbot in the API: on or off with its hours, its flows as JSON (import, export, publish, test). */
@RequiresPermission(Permission.CHATBOT_MANAGE)
@RestController
@RequestMapping("/api/v1/chatbot")
@Tag(name = "Chatbot", description = "The bot that answers customers: settings and flows")
class ChatbotApiController {

    /** A small flow, as the import takes it and the export gives it (docs/chatbot.md describes every step). */
    static final String FLOW_EXAMPLE = """
            {"name": "Welcome", "trigger": {"type": "welcome"}, "start": "menu", "steps": [
              {"id": "menu", "type": "menu", "text": "How can we help?", "style": "buttons", "options": [
                {"id": "signup", "title": "Sign up", "next": "ask_email"}, {"id": "person", "title": "Talk to us", "next": "handoff"}]},
              {"id": "ask_email", "type": "question", "text": "Your email?", "attribute": "signup_email",
               "validation": "email", "retry": "That is not an email.", "next": "thanks"},
              {"id": "thanks", "type": "message", "text": "Thanks!"},
              {"id": "handoff", "type": "action", "action": "handoff"}]}""";

    private final Chatbot chatbot;

    ChatbotApiController(Chatbot chatbot) {
        this.chatbot = chatbot;
    }

    /** Business hours: days (mon..sun) from opens to closes (HH:mm) in the workspace's time zone. */
    record HoursBody(List<String> days, String opens, String closes) {
        static @Nullable HoursBody of(@Nullable BusinessHours hours) {
            return hours == null ? null : new HoursBody(hours.days().stream().sorted()
                    .map(day -> day.name().substring(0, 3).toLowerCase(Locale.ROOT)).toList(),
                    hours.opens().toString(), hours.closes().toString());
        }

        BusinessHours read() {
            var parsed = EnumSet.noneOf(DayOfWeek.class);
            for (var day : days == null ? List.<String>of() : days) {
                parsed.add(Days.parse(day));
            }
            try {
                return new BusinessHours(parsed, LocalTime.parse(opens), LocalTime.parse(closes));
            } catch (DateTimeParseException | NullPointerException unreadable) {
                throw Refusal.invalid("invalid-business-hours", "Invalid business hours",
                        "opens and closes are times like 09:00 and 18:30");
            }
        }
    }

    /** The bot's settings; in a PUT a field left out stays as it is ({@code "businessHours": null} clears them). */
    record SettingsBody(@Nullable Boolean enabled, @Nullable HoursBody businessHours, @Nullable String awayMessage,
            @Nullable Boolean useExampleFaq, @Nullable Boolean openNow) {}

    @GetMapping
    @Operation(summary = "The bot's settings: enabled, business hours, away message, and whether it is open now")
    SettingsBody settings(WorkspaceId workspace) {
        var settings = chatbot.settings(workspace);
        return new SettingsBody(settings.enabled(), HoursBody.of(settings.hours()), settings.awayMessage(),
                settings.useExampleFaq(), chatbot.openNow(workspace));
    }

    @PutMapping
    @Operation(summary = "Turn the bot on or off (`{\"enabled\": true}`), set business hours and the away message, "
            + "and whether it answers from the example FAQ a workspace starts with (`useExampleFaq`)")
    SettingsBody change(WorkspaceId workspace, @RequestBody Map<String, Object> body) {
        var current = chatbot.settings(workspace);
        var enabled = body.containsKey("enabled") ? Boolean.TRUE.equals(body.get("enabled")) : current.enabled();
        if (body.containsKey("enabled") && !(body.get("enabled") instanceof Boolean)) {
            throw Refusal.invalid("invalid-chatbot-settings", "Invalid settings", "enabled is true or false");
        }
        var examples = body.containsKey("useExampleFaq") ? Boolean.TRUE.equals(body.get("useExampleFaq"))
                : current.useExampleFaq();
        if (body.containsKey("useExampleFaq") && !(body.get("useExampleFaq") instanceof Boolean)) {
            throw Refusal.invalid("invalid-chatbot-settings", "Invalid settings", "useExampleFaq is true or false");
        }
        var hours = current.hours();
        if (body.containsKey("businessHours")) {
            hours = body.get("businessHours") instanceof Map<?, ?> given ? hours(given) : null;
        }
        var away = body.containsKey("awayMessage") ? (body.get("awayMessage") instanceof String text ? text : null)
                : current.awayMessage();
        chatbot.configure(workspace, new BotSettings(enabled, hours, away, examples));
        return settings(workspace);
    }

    private static BusinessHours hours(Map<?, ?> given) {
        var days = given.get("days") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.<String>of();
        return new HoursBody(days, String.valueOf(given.get("opens")), String.valueOf(given.get("closes"))).read();
    }

    /** The optional LLM; the API key is write-only (left out: kept; blank: removed). */
    record LlmBody(@Nullable Boolean enabled, @Nullable String baseUrl, @Nullable String model, @Nullable String apiKey,
            @Nullable Boolean hasApiKey) {
        static LlmBody of(com.maxmysales.chatbot.LlmSettings llm) {
            return new LlmBody(llm.enabled(), llm.baseUrl(), llm.model(), null, llm.hasApiKey());
        }
    }

    @GetMapping("/llm")
    @Operation(summary = "The optional LLM (off by default): endpoint and model; the API key is never shown")
    LlmBody llm(WorkspaceId workspace) {
        return LlmBody.of(chatbot.llm(workspace));
    }

    @PutMapping("/llm")
    @Operation(summary = "Set the optional OpenAI-compatible LLM: {enabled, baseUrl, model, apiKey}; it gets redacted text only")
    LlmBody changeLlm(WorkspaceId workspace, @RequestBody LlmBody body) {
        return LlmBody.of(chatbot.configureLlm(workspace, Boolean.TRUE.equals(body.enabled()), body.baseUrl(),
                body.model(), body.apiKey()));
    }

    /** A flow in a list: its JSON is at {@code GET /api/v1/chatbot/flows/{id}}. */
    record FlowSummary(UUID id, String name, boolean published, boolean changedSincePublished) {
        static FlowSummary of(StoredFlow flow) {
            return new FlowSummary(flow.id(), flow.name(), flow.published(), flow.changedSincePublished());
        }
    }

    @GetMapping("/flows")
    @Operation(summary = "The workspace's flows")
    List<FlowSummary> flows(WorkspaceId workspace) {
        return chatbot.flows(workspace).stream().map(FlowSummary::of).toList();
    }

    @PostMapping(value = "/flows", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a flow from its JSON (a draft; publish it to let the bot run it). 422 lists every problem")
    ResponseEntity<FlowSummary> create(WorkspaceId workspace, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "welcome", value = FLOW_EXAMPLE)))
            @RequestBody String definition) {
        var created = chatbot.create(workspace, definition);
        return ResponseEntity.created(URI.create("/api/v1/chatbot/flows/" + created.id())).body(FlowSummary.of(created));
    }

    @GetMapping(value = "/flows/{flowId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Export a flow: its draft's JSON, as an import takes it")
    String export(WorkspaceId workspace, @PathVariable UUID flowId) {
        return chatbot.flow(workspace, flowId).draft();
    }

    @PutMapping(value = "/flows/{flowId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a flow's draft with this JSON (the bot runs the published version until the next publish)")
    FlowSummary replace(WorkspaceId workspace, @PathVariable UUID flowId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "welcome", value = FLOW_EXAMPLE)))
            @RequestBody String definition) {
        return FlowSummary.of(chatbot.saveDraft(workspace, flowId, definition));
    }

    @PostMapping("/flows/{flowId}/publish")
    @Operation(summary = "The bot runs the draft from now on")
    FlowSummary publish(WorkspaceId workspace, @PathVariable UUID flowId) {
        return FlowSummary.of(chatbot.publish(workspace, flowId));
    }

    @DeleteMapping("/flows/{flowId}")
    @Operation(summary = "Delete a flow")
    ResponseEntity<Void> delete(WorkspaceId workspace, @PathVariable UUID flowId) {
        chatbot.delete(workspace, flowId);
        return ResponseEntity.noContent().build();
    }

    /** One message to a draft: {@code state} is what the previous answer gave back (absent to start). */
    record TestBody(@Nullable String text, @Nullable String choiceId, TestRun.@Nullable State state) {}

    @PostMapping("/flows/{flowId}/test")
    @Operation(summary = "Chat with a flow's draft: the replies and what the bot would do, nothing sent or changed")
    TestRun test(WorkspaceId workspace, @PathVariable UUID flowId, @RequestBody TestBody body) {
        var state = body.state() == null ? TestRun.State.START
                : new TestRun.State(body.state().step(), body.state().retries(),
                        body.state().attributes() == null ? Map.of() : body.state().attributes(),
                        body.state().tags() == null ? Set.of() : body.state().tags());
        return chatbot.test(workspace, flowId, state, body.text(), body.choiceId());
    }

    @PostMapping("/conversations/{conversationId}/hand-back")
    @Operation(summary = "Give a conversation back to the bot: unassigned, and the bot answers the customer's next message")
    ResponseEntity<Void> handBack(WorkspaceId workspace, @PathVariable UUID conversationId) {
        chatbot.handBack(workspace, conversationId);
        return ResponseEntity.noContent().build();
    }
}

package com.maxmysales.chatbot.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.chatbot.BotSettings;
import com.maxmysales.chatbot.BusinessHours;
import com.maxmysales.chatbot.Chatbot;
import com.maxmysales.chatbot.TestRun;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.WorkspaceManagement;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /app/chatbot}: the bot on or off, business hours and the away message, the flows; and a flow's editor (the
 * graph, a form per step, JSON import and export, publish, the test panel). Forms post and redirect; a refused one
 * shows the page again with the problems, status 422.
 */
@RequiresPermission(Permission.CHATBOT_MANAGE)
@Controller
class ChatbotPages {

    static final String HOME = "/app/chatbot";

    private final Chatbot chatbot;
    private final WorkspaceManagement workspaces;
    private final JsonMapper json;

    ChatbotPages(Chatbot chatbot, WorkspaceManagement workspaces, JsonMapper json) {
        this.chatbot = chatbot;
        this.workspaces = workspaces;
        this.json = json;
    }

    @GetMapping(HOME)
    String home(WorkspaceId workspace, @AuthenticationPrincipal BusinessUserPrincipal user, Model model) {
        model.addAttribute("owner", user.role() == Role.OWNER);
        return home(workspace, List.of(), model);
    }

    /**
     * The secret the flows' HTTP actions are signed with, shown to the owner on this page once (after the redirect)
     * when asked for: it is made on the first ask, or on the first call that needs it.
     */
    @PostMapping(HOME + "/secret/reveal")
    String revealSecret(WorkspaceId workspace, @AuthenticationPrincipal BusinessUserPrincipal user,
            RedirectAttributes flash) {
        requireOwner(user);
        flash.addFlashAttribute("secret", chatbot.signingSecret(workspace));
        return "redirect:" + HOME + "#signing-secret";
    }

    /** A new secret in force at once, shown once. */
    @PostMapping(HOME + "/secret/rotate")
    String rotateSecret(WorkspaceId workspace, @AuthenticationPrincipal BusinessUserPrincipal user,
            RedirectAttributes flash) {
        requireOwner(user);
        flash.addFlashAttribute("secret", chatbot.rotateSigningSecret(workspace));
        flash.addFlashAttribute("rotated", true);
        return "redirect:" + HOME + "#signing-secret";
    }

    private static void requireOwner(BusinessUserPrincipal user) {
        if (user.role() != Role.OWNER) {
            throw Refusal.forbidden("only the workspace's owner may see or change the bot's signing secret");
        }
    }

    private String home(WorkspaceId workspace, List<String> problems, Model model) {
        var settings = chatbot.settings(workspace);
        model.addAttribute("hasSecret", chatbot.hasSigningSecret(workspace));
        if (!model.containsAttribute("secret")) {
            model.addAttribute("secret", null);
        }
        if (!model.containsAttribute("rotated")) {
            model.addAttribute("rotated", false);
        }
        if (!model.containsAttribute("owner")) {
            model.addAttribute("owner", false);
        }
        model.addAttribute("settings", settings);
        model.addAttribute("days", settings.hours() == null ? List.<String>of()
                : settings.hours().days().stream().map(Days::code).toList());
        model.addAttribute("openNow", chatbot.openNow(workspace));
        model.addAttribute("flows", chatbot.flows(workspace));
        model.addAttribute("problems", problems);
        return "chatbot/home";
    }

    @PostMapping(HOME + "/settings")
    String settings(WorkspaceId workspace, @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "false") boolean useExampleFaq,
            @RequestParam(defaultValue = "false") boolean alwaysOpen, @RequestParam(required = false) List<String> day,
            @RequestParam(defaultValue = "") String opens, @RequestParam(defaultValue = "") String closes,
            @RequestParam(defaultValue = "") String awayMessage, HttpServletResponse response, Model model) {
        try {
            BusinessHours hours = null;
            if (!alwaysOpen) {
                var days = EnumSet.noneOf(DayOfWeek.class);
                (day == null ? List.<String>of() : day).forEach(code -> days.add(Days.parse(code)));
                try {
                    hours = new BusinessHours(days, LocalTime.parse(opens), LocalTime.parse(closes));
                } catch (DateTimeParseException unreadable) {
                    throw Refusal.invalid("invalid-business-hours", "Invalid business hours",
                            "opening and closing times are like 09:00 and 18:30");
                }
            }
            chatbot.configure(workspace, new BotSettings(enabled, hours, awayMessage, useExampleFaq));
        } catch (Refusal refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return home(workspace, List.of(refused.getMessage()), model);
        }
        return "redirect:" + HOME;
    }

    @PostMapping(HOME + "/flows")
    String create(WorkspaceId workspace, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "welcome") String trigger, @RequestParam(defaultValue = "") String keywords,
            HttpServletResponse response, Model model) {
        var flow = NewFlowDraft.of(json, name, trigger, keywords, workspaces.get(workspace).name());
        return createFrom(workspace, json.writeValueAsString(flow), response, model);
    }

    @PostMapping(HOME + "/flows/import")
    String importFlow(WorkspaceId workspace, @RequestParam(defaultValue = "") String definition,
            HttpServletResponse response, Model model) {
        return createFrom(workspace, definition, response, model);
    }

    private String createFrom(WorkspaceId workspace, String definition, HttpServletResponse response, Model model) {
        try {
            var created = chatbot.create(workspace, definition);
            return "redirect:" + HOME + "/flows/" + created.id();
        } catch (Refusal refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return home(workspace, problems(refused), model);
        }
    }

    @GetMapping(HOME + "/flows/{flowId}")
    String editor(WorkspaceId workspace, @PathVariable UUID flowId, Model model) {
        return editor(workspace, flowId, List.of(), null, null, model);
    }

    private String editor(WorkspaceId workspace, UUID flowId, List<String> problems, @Nullable String draftText,
            FlowEditorView.@Nullable RefusedStep refused, Model model) {
        var stored = chatbot.flow(workspace, flowId);
        var draft = json.readTree(stored.draft());
        var steps = new ArrayList<StepView>();
        var links = new LinkedHashMap<String, Map<String, String>>();
        draft.path("steps").forEach(step -> {
            var view = StepView.of(step);
            steps.add(view);
            links.put(view.id(), links(step));
        });
        var start = draft.path("start").asString(steps.isEmpty() ? "" : steps.getFirst().id());
        var trigger = draft.path("trigger");
        var words = new ArrayList<String>();
        trigger.path("keywords").forEach(word -> words.add(word.asString("")));
        var triggerWords = "intent".equals(trigger.path("type").asString("")) ? trigger.path("intent").asString("")
                : String.join(", ", words);
        model.addAttribute("editor", new FlowEditorView(stored, trigger.path("type").asString("manual"), triggerWords,
                start, steps, FlowGraph.of(start, steps, links), chatbot.settings(workspace).enabled(), problems,
                chatbot.unwritten(workspace, flowId),
                draftText != null ? draftText
                        : json.writerWithDefaultPrettyPrinter().writeValueAsString(draft), refused));
        return "chatbot/flow";
    }

    private static Map<String, String> links(JsonNode step) {
        var links = new LinkedHashMap<String, String>();
        if (step.path("next").isString()) {
            links.put(step.path("next").asString(), "");
        }
        step.path("options").forEach(option -> {
            if (option.path("next").isString()) {
                links.put(option.path("next").asString(), option.path("title").asString(""));
            }
        });
        if (step.path("then").isString()) {
            links.put(step.path("then").asString(), "yes");
        }
        if (step.path("else").isString()) {
            links.putIfAbsent(step.path("else").asString(), "no");
        }
        return links;
    }

    @PostMapping(HOME + "/flows/{flowId}")
    String saveFlow(WorkspaceId workspace, @PathVariable UUID flowId, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "manual") String trigger, @RequestParam(defaultValue = "") String keywords,
            @RequestParam(defaultValue = "") String start, HttpServletResponse response, Model model) {
        var draft = draft(workspace, flowId);
        draft.put("name", name.strip());
        draft.set("trigger", NewFlowDraft.trigger(json, trigger, keywords));
        if (!start.isBlank()) {
            draft.put("start", start.strip());
        }
        return save(workspace, flowId, draft, null, response, model);
    }

    @PostMapping(HOME + "/flows/{flowId}/steps")
    String saveStep(WorkspaceId workspace, @PathVariable UUID flowId, @RequestParam Map<String, String> form,
            HttpServletResponse response, Model model) {
        var draft = draft(workspace, flowId);
        var step = StepView.json(json, form);
        var steps = (ArrayNode) draft.path("steps");
        var original = form.getOrDefault("original", "");
        var replaced = false;
        for (int i = 0; i < steps.size(); i++) {
            if (!original.isBlank() && steps.get(i).path("id").asString("").equals(original)) {
                steps.set(i, step);
                replaced = true;
            }
        }
        if (!replaced) {
            steps.add(step);
        }
        if (!original.isBlank() && !original.equals(step.path("id").asString("")) && original.equals(draft.path("start").asString(""))) {
            draft.put("start", step.path("id").asString(""));
        }
        return save(workspace, flowId, draft, new FlowEditorView.RefusedStep(replaced ? original : "", StepView.of(step)), response, model);
    }

    @PostMapping(HOME + "/flows/{flowId}/steps/{stepId}/delete")
    String deleteStep(WorkspaceId workspace, @PathVariable UUID flowId, @PathVariable String stepId,
            HttpServletResponse response, Model model) {
        var draft = draft(workspace, flowId);
        var steps = (ArrayNode) draft.path("steps");
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).path("id").asString("").equals(stepId)) {
                steps.remove(i);
            }
        }
        return save(workspace, flowId, draft, null, response, model);
    }

    @PostMapping(HOME + "/flows/{flowId}/json")
    String replaceJson(WorkspaceId workspace, @PathVariable UUID flowId, @RequestParam(defaultValue = "") String definition,
            HttpServletResponse response, Model model) {
        try {
            chatbot.saveDraft(workspace, flowId, definition);
        } catch (Refusal refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(workspace, flowId, problems(refused), definition, null, model);
        }
        return "redirect:" + HOME + "/flows/" + flowId;
    }

    /** The flow page's "Turn the bot on": a published flow reaches nobody while the bot is off. */
    @PostMapping(HOME + "/flows/{flowId}/switch-on")
    String switchOn(WorkspaceId workspace, @PathVariable UUID flowId) {
        chatbot.flow(workspace, flowId);
        var current = chatbot.settings(workspace);
        chatbot.configure(workspace, new BotSettings(true, current.hours(), current.awayMessage(), current.useExampleFaq()));
        return "redirect:" + HOME + "/flows/" + flowId;
    }

    @PostMapping(HOME + "/flows/{flowId}/publish")
    String publish(WorkspaceId workspace, @PathVariable UUID flowId, HttpServletResponse response, Model model) {
        try {
            chatbot.publish(workspace, flowId);
        } catch (Refusal refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(workspace, flowId, problems(refused), null, null, model);
        }
        return "redirect:" + HOME + "/flows/" + flowId;
    }

    @PostMapping(HOME + "/flows/{flowId}/delete")
    String delete(WorkspaceId workspace, @PathVariable UUID flowId) {
        chatbot.delete(workspace, flowId);
        return "redirect:" + HOME;
    }

    @GetMapping(value = HOME + "/flows/{flowId}/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> export(WorkspaceId workspace, @PathVariable UUID flowId) {
        var flow = chatbot.flow(workspace, flowId);
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"flow-" + flowId + ".json\"")
                .body(flow.draft());
    }

    /** The test panel's message (from chatbot-test.js): the draft's replies; nothing is sent. */
    @PostMapping(value = HOME + "/flows/{flowId}/test", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    TestRun test(WorkspaceId workspace, @PathVariable UUID flowId, @RequestBody TestMessage body) {
        var state = body.state() == null ? TestRun.State.START : new TestRun.State(body.state().step(),
                body.state().retries(), body.state().attributes() == null ? Map.of() : body.state().attributes(),
                body.state().tags() == null ? java.util.Set.of() : body.state().tags());
        return chatbot.test(workspace, flowId, state, body.text(), body.choiceId());
    }

    record TestMessage(@Nullable String text, @Nullable String choiceId, TestRun.@Nullable State state) {}

    private ObjectNode draft(WorkspaceId workspace, UUID flowId) {
        return (ObjectNode) json.readTree(chatbot.flow(workspace, flowId).draft());
    }

    /** @param typed the step form behind this draft, shown again as typed if the draft is refused */
    private String save(WorkspaceId workspace, UUID flowId, ObjectNode draft, FlowEditorView.@Nullable RefusedStep typed,
            HttpServletResponse response, Model model) {
        var text = json.writerWithDefaultPrettyPrinter().writeValueAsString(draft);
        try {
            chatbot.saveDraft(workspace, flowId, text);
        } catch (Refusal refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(workspace, flowId, problems(refused), text, typed, model);
        }
        return "redirect:" + HOME + "/flows/" + flowId;
    }

    @SuppressWarnings("unchecked")
    private static List<String> problems(Refusal refused) {
        var listed = refused.extensions().get("problems");
        return listed instanceof List<?> list ? (List<String>) list : List.of(refused.getMessage());
    }
}

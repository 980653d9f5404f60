package com.maxmysales.chatbot;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.maxmysales.chatbot.Flow.Action;
import com.maxmysales.chatbot.Flow.Option;
import com.maxmysales.chatbot.Flow.Step;
import com.maxmysales.chatbot.Flow.Test;
import com.maxmysales.chatbot.Flow.Trigger;
import com.maxmysales.chatbot.Flow.Validation;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a flow from its JSON and checks it whole: every problem is listed (with where it is), not only the first,
 * so that an import or an edit can be fixed in one go. Limits are WhatsApp's (3 buttons of 20 characters, 10 list
 * rows of 24) so that a flow that passes can always be sent.
 */
final class FlowJson {

    static final int MAX_STEPS = 200;
    static final int MAX_TEXT = 1024;
    private static final Pattern STEP_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern ATTRIBUTE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    /**
     * A flow, or the problems that keep it from being one. {@code unwritten} names the steps it leads to that are not
     * written yet: a draft may hold them (a menu written before the steps its options lead to), publishing may not.
     */
    record Read(@Nullable Flow flow, List<String> problems, List<String> unwritten) {

        boolean whole() {
            return flow != null && unwritten.isEmpty();
        }
    }

    private final List<String> problems = new ArrayList<>();
    private final List<String> unwritten = new ArrayList<>();

    private FlowJson() {
    }

    static Read read(@Nullable JsonNode root) {
        var reader = new FlowJson();
        var flow = reader.flow(root);
        // Once each: a menu's four options over the limit said the same thing four times.
        return new Read(reader.problems.isEmpty() ? flow : null, List.copyOf(new LinkedHashSet<>(reader.problems)),
                List.copyOf(new LinkedHashSet<>(reader.unwritten)));
    }

    private @Nullable Flow flow(@Nullable JsonNode root) {
        if (root == null || !root.isObject()) {
            problems.add("a flow is a JSON object with name, trigger, start and steps");
            return null;
        }
        var name = text(root, "name", "name", 80, true);
        var trigger = trigger(root.path("trigger"));
        var stepsNode = root.path("steps");
        var steps = new LinkedHashMap<String, Step>();
        if (!stepsNode.isArray() || stepsNode.isEmpty()) {
            problems.add("steps: a flow has at least one step");
        } else if (stepsNode.size() > MAX_STEPS) {
            problems.add("steps: a flow has at most " + MAX_STEPS + " steps");
        } else {
            for (int i = 0; i < stepsNode.size(); i++) {
                var step = step(stepsNode.get(i), "steps[" + i + "]");
                if (step != null && steps.putIfAbsent(step.id(), step) != null) {
                    problems.add("steps[" + i + "].id: " + step.id() + " is used by another step");
                }
            }
        }
        var start = root.path("start").isString() ? root.path("start").asString()
                : steps.isEmpty() ? null : steps.keySet().iterator().next();
        if (start != null && !STEP_ID.matcher(start).matches()) {
            problems.add("start: a step id is 1 to 40 letters, digits, - or _");
        } else if (start != null && !steps.isEmpty() && !steps.containsKey(start)) {
            unwritten.add("start: no step has the id " + start);
        }
        // Read from the JSON rather than the steps read: a step with another problem is checked for its links too.
        var ids = new HashSet<String>();
        stepsNode.forEach(node -> ids.add(node.path("id").asString("")));
        stepsNode.forEach(node -> rawLinks(node).forEach(link -> {
            if (!STEP_ID.matcher(link).matches()) {
                problems.add("step " + node.path("id").asString("?") + ": it leads to a step id that cannot be one "
                        + "(1 to 40 letters, digits, - or _)");
            } else if (!ids.contains(link)) {
                unwritten.add("step " + node.path("id").asString("?") + ": it leads to " + link
                        + ", which is not a step of this flow");
            }
        }));
        return name == null || trigger == null || start == null ? null : new Flow(name, trigger, start, steps);
    }

    private static List<String> rawLinks(JsonNode step) {
        var links = new ArrayList<String>();
        for (var field : List.of("next", "then", "else")) {
            if (step.path(field).isString() && !step.path(field).asString().isBlank()) {
                links.add(step.path(field).asString().strip());
            }
        }
        step.path("options").forEach(option -> {
            if (option.path("next").isString() && !option.path("next").asString().isBlank()) {
                links.add(option.path("next").asString().strip());
            }
        });
        return links;
    }

    /** The steps a step may lead to. */
    static List<@Nullable String> links(Step step) {
        return switch (step) {
            case Step.Say say -> java.util.Collections.singletonList(say.next());
            case Step.Menu menu -> menu.options().stream().map(Option::next).toList();
            case Step.Question question -> java.util.Collections.singletonList(question.next());
            case Step.Condition condition -> java.util.Arrays.asList(condition.then(), condition.otherwise());
            case Step.Act act -> java.util.Collections.singletonList(act.next());
        };
    }

    private @Nullable Trigger trigger(JsonNode node) {
        var type = node.path("type").asString("manual");
        return switch (type) {
            case "welcome" -> new Trigger.Welcome();
            case "manual" -> new Trigger.Manual();
            case "intent" -> {
                var intent = text(node, "intent", "trigger.intent", 60, true);
                yield intent == null ? null : new Trigger.Intent(intent);
            }
            case "keywords" -> {
                var words = new ArrayList<String>();
                node.path("keywords").forEach(word -> {
                    var value = word.asString("").strip().toLowerCase(Locale.ROOT);
                    if (value.isEmpty() || value.length() > 40) {
                        problems.add("trigger.keywords: each keyword is 1 to 40 characters");
                    } else {
                        words.add(value);
                    }
                });
                if (words.isEmpty()) {
                    problems.add("trigger.keywords: a keyword trigger needs at least one keyword");
                    yield null;
                }
                yield new Trigger.Keywords(List.copyOf(words));
            }
            default -> {
                problems.add("trigger.type: one of welcome, keywords, intent, manual (not " + type + ")");
                yield null;
            }
        };
    }

    private @Nullable Step step(JsonNode node, String at) {
        if (!node.isObject()) {
            problems.add(at + ": a step is a JSON object");
            return null;
        }
        var id = node.path("id").asString("");
        if (!STEP_ID.matcher(id).matches()) {
            problems.add(at + ".id: 1 to 40 letters, digits, - or _");
            return null;
        }
        var where = "step " + id;
        var next = optional(node, "next");
        var type = node.path("type").asString("");
        return switch (type) {
            case "message" -> {
                var text = text(node, "text", where + ".text", MAX_TEXT, true);
                yield text == null ? null : new Step.Say(id, text, next);
            }
            case "menu" -> menu(node, id, where);
            case "question" -> question(node, id, where, next);
            case "condition" -> {
                var test = test(node.path("if"), where + ".if");
                yield test == null ? null : new Step.Condition(id, test, optional(node, "then"), optional(node, "else"));
            }
            case "action" -> {
                var action = action(node, where);
                yield action == null ? null : new Step.Act(id, action, next);
            }
            default -> {
                problems.add(where + ".type: one of message, menu, question, condition, action (not " + type + ")");
                yield null;
            }
        };
    }

    private @Nullable Step menu(JsonNode node, String id, String where) {
        var text = text(node, "text", where + ".text", MAX_TEXT, true);
        var list = "list".equals(node.path("style").asString("buttons"));
        var options = new ArrayList<Option>();
        var ids = new HashSet<String>();
        var titles = new HashSet<String>();
        var optionNodes = node.path("options");
        var max = list ? 10 : 3;
        if (!optionNodes.isArray() || optionNodes.isEmpty() || optionNodes.size() > max) {
            problems.add(where + ".options: " + (list ? "a list has 1 to 10 rows" : "reply buttons are 1 to 3")
                    + (list ? "" : " (use style \"list\" for up to 10)"));
        }
        for (int i = 0; optionNodes.isArray() && i < optionNodes.size(); i++) {
            var option = optionNodes.get(i);
            var at = where + ".options[" + i + "]";
            var title = text(option, "title", at + ".title", list ? 24 : 20, true);
            var optionId = option.path("id").asString(title == null ? "" : title);
            var description = list ? text(option, "description", at + ".description", 72, false) : null;
            if (title != null && !titles.add(title.toLowerCase(Locale.ROOT))) {
                problems.add(at + ".title: each option has its own title");
            }
            if (!ids.add(optionId)) {
                problems.add(at + ".id: each option has its own id");
            }
            if (title != null) {
                options.add(new Option(optionId, title, description, optional(option, "next")));
            }
        }
        var button = list ? text(node, "button", where + ".button", 20, false) : null;
        return text == null ? null : new Step.Menu(id, text, list, button == null && list ? "Options" : button, options);
    }

    private @Nullable Step question(JsonNode node, String id, String where, @Nullable String next) {
        var text = text(node, "text", where + ".text", MAX_TEXT, true);
        var attribute = node.path("attribute").asString("");
        if (!ATTRIBUTE.matcher(attribute).matches()) {
            problems.add(where + ".attribute: 1 to 40 lower-case letters, digits or _, starting with a letter");
        }
        var validationName = node.path("validation").asString("text");
        Validation validation = null;
        try {
            validation = Validation.valueOf(validationName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problems.add(where + ".validation: one of text, email, number, date, choice (not " + validationName + ")");
        }
        var choices = new ArrayList<String>();
        node.path("choices").forEach(choice -> choices.add(choice.asString("").strip()));
        if (validation == Validation.CHOICE && (choices.isEmpty() || choices.stream().anyMatch(String::isEmpty))) {
            problems.add(where + ".choices: a choice question lists the answers it accepts");
        }
        var retry = text(node, "retry", where + ".retry", MAX_TEXT, false);
        return text == null || validation == null || !ATTRIBUTE.matcher(attribute).matches() ? null
                : new Step.Question(id, text, attribute, validation, List.copyOf(choices), retry, next);
    }

    private @Nullable Test test(JsonNode node, String where) {
        var kind = node.path("kind").asString("");
        return switch (kind) {
            case "attribute" -> {
                var attribute = text(node, "attribute", where + ".attribute", 40, true);
                yield attribute == null ? null : new Test.Attribute(attribute, optional(node, "equals"));
            }
            case "tag" -> {
                var tag = text(node, "tag", where + ".tag", 60, true);
                yield tag == null ? null : new Test.Tag(tag);
            }
            case "business_hours" -> new Test.BusinessHours();
            case "intent" -> {
                var intent = text(node, "intent", where + ".intent", 60, true);
                yield intent == null ? null : new Test.Intent(intent);
            }
            default -> {
                problems.add(where + ".kind: one of attribute, tag, business_hours, intent (not " + kind + ")");
                yield null;
            }
        };
    }

    private @Nullable Action action(JsonNode node, String where) {
        var kind = node.path("action").asString("");
        return switch (kind) {
            case "tag" -> {
                var tag = text(node, "tag", where + ".tag", 60, true);
                yield tag == null ? null : new Action.AddTag(tag);
            }
            case "set_attribute" -> {
                var attribute = node.path("attribute").asString("");
                var value = text(node, "value", where + ".value", 500, true);
                if (!ATTRIBUTE.matcher(attribute).matches()) {
                    problems.add(where + ".attribute: 1 to 40 lower-case letters, digits or _, starting with a letter");
                    yield null;
                }
                yield value == null ? null : new Action.SetAttribute(attribute, value);
            }
            case "handoff" -> new Action.HandOff();
            case "template" -> {
                var name = text(node, "template", where + ".template", 512, true);
                var language = node.path("language").asString("en");
                yield name == null ? null : new Action.SendTemplate(name, language);
            }
            case "http" -> {
                var url = text(node, "url", where + ".url", 2000, true);
                if (url == null) {
                    yield null;
                }
                try {
                    var uri = URI.create(url);
                    if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                        problems.add(where + ".url: the business's endpoint is an https:// URL");
                        yield null;
                    }
                } catch (IllegalArgumentException malformed) {
                    problems.add(where + ".url: not a URL");
                    yield null;
                }
                yield new Action.CallEndpoint(url);
            }
            default -> {
                problems.add(where + ".action: one of tag, set_attribute, handoff, template, http (not " + kind + ")");
                yield null;
            }
        };
    }

    private @Nullable String text(JsonNode node, String field, String where, int max, boolean required) {
        var value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                problems.add(where + ": required");
            }
            return null;
        }
        var text = value.asString("").strip();
        if (text.isEmpty() && required) {
            problems.add(where + ": required");
            return null;
        }
        if (text.length() > max) {
            problems.add(where + ": at most " + max + " characters");
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    private static @Nullable String optional(JsonNode node, String field) {
        var value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString().strip() : null;
    }

    static Set<String> attributesAsked(Flow flow) {
        var attributes = new HashSet<String>();
        flow.steps().values().forEach(step -> {
            if (step instanceof Step.Question question) {
                attributes.add(question.attribute());
            }
        });
        return attributes;
    }
}

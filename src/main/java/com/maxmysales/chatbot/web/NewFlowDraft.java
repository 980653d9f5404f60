package com.maxmysales.chatbot.web;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The draft a new flow starts as: its trigger, and a first step named after its role ({@code start}, as the graph
 * and the step list show it) whose words could go to a customer as they are, so that a flow published before it is
 * edited still answers sensibly: a greeting with the business's name for the welcome, an offer to help otherwise.
 */
final class NewFlowDraft {

    static final String FIRST_STEP = "start";

    private NewFlowDraft() {
    }

    static ObjectNode of(JsonMapper json, String name, String trigger, String keywords, String business) {
        var flow = json.createObjectNode();
        flow.put("name", name.strip());
        flow.set("trigger", trigger(json, trigger, keywords));
        flow.put("start", FIRST_STEP);
        flow.putArray("steps").addObject().put("id", FIRST_STEP).put("type", "message").put("text", firstWords(trigger,
                business));
        return flow;
    }

    /** The trigger as the form gives it: its type, and the keywords (comma-separated) or the intent it names. */
    static ObjectNode trigger(JsonMapper json, String type, String keywords) {
        var trigger = json.createObjectNode().put("type", type);
        if ("keywords".equals(type)) {
            var words = trigger.putArray("keywords");
            for (var word : keywords.split(",")) {
                if (!word.isBlank()) {
                    words.add(word.strip());
                }
            }
        } else if ("intent".equals(type)) {
            trigger.put("intent", keywords.strip());
        }
        return trigger;
    }

    private static String firstWords(String trigger, String business) {
        return "welcome".equals(trigger) ? "Hi! Thanks for writing to " + business.strip() + ". How can we help you today?"
                : "Happy to help with that. What would you like to know?";
    }
}

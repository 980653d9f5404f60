package com.maxmysales.chatbot.web;

import java.util.List;

import com.maxmysales.chatbot.StoredFlow;

/** What the flow editor shows. @param draftText the JSON in the text box: the draft, or a refused attempt */
public record FlowEditorView(StoredFlow flow, String triggerType, String triggerWords, String start,
        List<StepView> steps, FlowGraph graph, List<String> problems, String draftText) {

    public StepView blank() {
        return new StepView("", "message", "", "", "buttons", "", "", "", "text", "", "", "", "", "", "", "", "", "",
                "en", "", "");
    }
}

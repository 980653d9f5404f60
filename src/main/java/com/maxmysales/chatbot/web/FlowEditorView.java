package com.maxmysales.chatbot.web;

import java.util.List;

import com.maxmysales.chatbot.StoredFlow;

import org.jspecify.annotations.Nullable;

/**
 * What the flow editor shows.
 *
 * @param botOn whether the bot answers customers at all (a published flow reaches nobody while it is off)
 * @param unwritten the steps the draft leads to that are not written yet (publishing waits for them)
 * @param draftText the JSON in the text box: the draft, or a refused attempt
 * @param refused a step form that was refused, as typed, shown again so nothing typed is lost (null otherwise)
 */
public record FlowEditorView(StoredFlow flow, String triggerType, String triggerWords, String start,
        List<StepView> steps, FlowGraph graph, boolean botOn, List<String> problems, List<String> unwritten, String draftText,
        @Nullable RefusedStep refused) {

    /** A step form as it was typed; {@code original} is the step it edits, empty for a new step. */
    public record RefusedStep(String original, StepView typed) {}

    /** Whether the form of this step (empty: the new step's) is the refused one, to open it. */
    public boolean retrying(String original) {
        return refused != null && refused.original().equals(original);
    }

    /** The stored step, or what was typed into its form if that was refused. */
    public StepView shown(StepView stored) {
        return retrying(stored.id()) ? refused.typed() : stored;
    }

    /** The new step's form: blank, or what was typed if that was refused. */
    public StepView adding() {
        return retrying("") ? refused.typed() : new StepView("", "message", "", "", "buttons", "", "", "", "text", "",
                "", "", "", "", "", "", "", "", "en", "", "");
    }
}

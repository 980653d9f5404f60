package com.maxmysales.chatbot;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Set;

import com.maxmysales.whatsapp.message.Interactive;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A flow run without side effects: menus, validated questions with their re-ask, conditions and hand-off. */
class FlowEngineTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Flow flow(String json) {
        var read = FlowJson.read(JSON.readTree(json));
        assertThat(read.problems()).isEmpty();
        return read.flow();
    }

    private static final Flow FLOW = flow("""
            {"name": "t", "trigger": {"type": "welcome"}, "start": "vip", "steps": [
              {"id": "vip", "type": "condition", "if": {"kind": "tag", "tag": "VIP"}, "then": "person", "else": "menu"},
              {"id": "person", "type": "action", "action": "handoff"},
              {"id": "menu", "type": "menu", "text": "Pick", "style": "list", "options": [
                {"id": "a", "title": "Book", "next": "when"}, {"id": "b", "title": "Prices"}]},
              {"id": "when", "type": "question", "text": "Which day?", "attribute": "visit", "validation": "date", "next": "done"},
              {"id": "done", "type": "message", "text": "Booked."}
            ]}""");

    private static FlowEngine.Context context(String... tags) {
        return new FlowEngine.Context(new HashMap<>(), Set.of(tags), true, null);
    }

    @Test
    void aListMenuThenADateQuestionReAskedOnceThenSaved() {
        var start = FlowEngine.start(FLOW, context());
        assertThat(start.replies().getFirst()).isInstanceOf(Interactive.ListMenu.class);
        assertThat(start.waitingAt()).isEqualTo("menu");

        var chosen = FlowEngine.answer(FLOW, "menu", 0, new FlowEngine.Input("1", null), context());
        assertThat(chosen.waitingAt()).isEqualTo("when");

        var wrong = FlowEngine.answer(FLOW, "when", 0, new FlowEngine.Input("someday", null), context());
        assertThat(wrong.waitingAt()).isEqualTo("when");
        assertThat(wrong.retries()).isEqualTo(1);
        assertThat(wrong.effects()).isEmpty();

        var right = FlowEngine.answer(FLOW, "when", 1, new FlowEngine.Input("25/12/2026", null), context());
        assertThat(right.effects()).containsExactly(new Turn.Effect.SaveAnswer("visit", LocalDate.of(2026, 12, 25),
                Flow.Validation.DATE));
        assertThat(right.waitingAt()).isNull();
        assertThat(right.replies().getFirst().preview()).isEqualTo("Booked.");
    }

    @Test
    void aWrongAnswerTooManyTimesHandsOffAndAConditionRoutesVipsToAPerson() {
        var gaveUp = FlowEngine.answer(FLOW, "when", Flow.Step.Question.MAX_RETRIES, new FlowEngine.Input("no", null),
                context());
        assertThat(gaveUp.handedOff()).isTrue();

        assertThat(FlowEngine.start(FLOW, context("vip")).handedOff()).isTrue();
        assertThat(FlowEngine.answer(FLOW, "menu", 0, new FlowEngine.Input("what?", null), context()).understood())
                .isFalse();
    }

    @Test
    void answersAreCheckedByTheirKind() {
        var email = new Flow.Step.Question("q", "?", "e", Flow.Validation.EMAIL, java.util.List.of(), null, null);
        var number = new Flow.Step.Question("q", "?", "n", Flow.Validation.NUMBER, java.util.List.of(), null, null);
        var choice = new Flow.Step.Question("q", "?", "c", Flow.Validation.CHOICE, java.util.List.of("Pune", "Mumbai"), null, null);
        assertThat(FlowEngine.valid(email, "A@B.co")).isEqualTo("a@b.co");
        assertThat(FlowEngine.valid(email, "a at b")).isNull();
        assertThat(FlowEngine.valid(number, "1,250")).hasToString("1250");
        assertThat(FlowEngine.valid(number, "many")).isNull();
        assertThat(FlowEngine.valid(choice, "pune")).isEqualTo("Pune");
        assertThat(FlowEngine.valid(choice, "Delhi")).isNull();
    }
}

package com.maxmysales.chatbot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.maxmysales.chatbot.Flow.Action;
import com.maxmysales.chatbot.Flow.Step;
import com.maxmysales.chatbot.Flow.Test;
import com.maxmysales.chatbot.Turn.Effect;
import com.maxmysales.whatsapp.message.Interactive;
import com.maxmysales.whatsapp.message.Text;
import com.maxmysales.whatsapp.message.WhatsAppMessage;

import org.jspecify.annotations.Nullable;

/**
 * Runs a flow for one customer message, without side effects: the live bot carries out the {@link Turn}'s
 * effects and sends its replies; the editor's test panel only shows them. Steps run until the flow waits for the
 * customer (a menu or a question), hands off or ends; a loop of steps that never waits is cut after
 * {@link #MAX_STEPS_PER_TURN}.
 */
final class FlowEngine {

    static final int MAX_STEPS_PER_TURN = 50;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("d-M-uuuu"),
            DateTimeFormatter.ofPattern("d.M.uuuu"), DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));

    /**
     * What the flow may look at: the contact's attributes and tags (changed as the turn sets them), whether it is
     * within business hours, and the intent of the customer's message.
     */
    record Context(Map<String, Object> attributes, Set<String> tags, boolean businessHours, @Nullable String intent) {}

    /** The customer's message as a flow reads it. @param choiceId the id of the button or list row tapped */
    record Input(String text, @Nullable String choiceId) {}

    private FlowEngine() {
    }

    static Turn start(Flow flow, Context context) {
        var turn = new Builder(context);
        turn.runFrom(flow, flow.start());
        return turn.build();
    }

    /** The customer's answer to the step the flow waits at. */
    static Turn answer(Flow flow, String waitingAt, int retries, Input input, Context context) {
        var step = flow.step(waitingAt).orElse(null);
        var turn = new Builder(context);
        switch (step) {
            case Step.Menu menu -> {
                var chosen = menu.options().stream().filter(option -> chose(option, menu, input)).findFirst();
                if (chosen.isEmpty()) {
                    return Turn.notUnderstood();
                }
                turn.runFrom(flow, chosen.get().next());
            }
            case Step.Question question -> {
                var value = valid(question, input.text());
                if (value == null) {
                    if (retries >= Step.Question.MAX_RETRIES) {
                        turn.say("Let me get a person to help you with that.");
                        turn.handOff();
                        return turn.build();
                    }
                    turn.say(question.retry() != null ? question.retry() : retryText(question));
                    turn.say(question.text());
                    return turn.waiting(question.id(), retries + 1);
                }
                turn.effects.add(new Effect.SaveAnswer(question.attribute(), value, question.validation()));
                turn.context.attributes().put(question.attribute(), value);
                turn.runFrom(flow, question.next());
            }
            case null, default -> {
                return Turn.notUnderstood();
            }
        }
        return turn.build();
    }

    private static boolean chose(Flow.Option option, Step.Menu menu, Input input) {
        if (input.choiceId() != null) {
            return option.id().equals(input.choiceId());
        }
        var text = input.text().strip();
        var position = String.valueOf(menu.options().indexOf(option) + 1);
        return option.title().equalsIgnoreCase(text) || position.equals(text);
    }

    /** The answer typed as it is saved, or null when it is not a valid answer to the question. */
    static @Nullable Object valid(Step.Question question, String answer) {
        var text = answer.strip();
        if (text.isEmpty() || text.length() > 500) {
            return null;
        }
        return switch (question.validation()) {
            case TEXT -> text;
            case EMAIL -> EMAIL.matcher(text).matches() ? text.toLowerCase(Locale.ROOT) : null;
            case NUMBER -> {
                try {
                    yield new BigDecimal(text.replace(",", "").replace(" ", ""));
                } catch (NumberFormatException notANumber) {
                    yield null;
                }
            }
            case DATE -> date(text);
            case CHOICE -> question.choices().stream().filter(choice -> choice.equalsIgnoreCase(text)).findFirst()
                    .orElse(null);
        };
    }

    private static @Nullable LocalDate date(String text) {
        for (var format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException tryNext) {
                // the next format may read it
            }
        }
        return null;
    }

    private static String retryText(Step.Question question) {
        return switch (question.validation()) {
            case TEXT -> "Please answer with a few words.";
            case EMAIL -> "That does not look like an email address (like name@example.com).";
            case NUMBER -> "Please answer with a number.";
            case DATE -> "Please give a date, like 25/12/2026.";
            case CHOICE -> "Please answer with one of: " + String.join(", ", question.choices()) + ".";
        };
    }

    static boolean holds(Test test, Context context) {
        return switch (test) {
            case Test.Attribute attribute -> {
                var value = context.attributes().get(attribute.attribute());
                yield attribute.equals() == null ? value != null
                        : value != null && String.valueOf(value).equalsIgnoreCase(attribute.equals());
            }
            case Test.Tag tag -> context.tags().stream().anyMatch(held -> held.equalsIgnoreCase(tag.tag()));
            case Test.BusinessHours ignored -> context.businessHours();
            case Test.Intent intent -> intent.intent().equals(context.intent());
        };
    }

    /** One turn as it is built. */
    private static final class Builder {
        final List<WhatsAppMessage> replies = new ArrayList<>();
        final List<Effect> effects = new ArrayList<>();
        final Context context;
        @Nullable String waitingAt;
        int retries;
        boolean handedOff;

        Builder(Context context) {
            this.context = new Context(new java.util.HashMap<>(context.attributes()), new HashSet<>(context.tags()),
                    context.businessHours(), context.intent());
        }

        void say(String text) {
            replies.add(Text.of(text));
        }

        void handOff() {
            handedOff = true;
            effects.add(new Effect.Run(new Action.HandOff()));
        }

        Turn waiting(String step, int tries) {
            waitingAt = step;
            retries = tries;
            return build();
        }

        Turn build() {
            return new Turn(replies, effects, handedOff ? null : waitingAt, retries, handedOff, true);
        }

        void runFrom(Flow flow, @Nullable String first) {
            var id = first;
            for (int ran = 0; id != null && ran < MAX_STEPS_PER_TURN; ran++) {
                var step = flow.step(id).orElse(null);
                if (step == null) {
                    return;
                }
                switch (step) {
                    case Step.Say say -> {
                        say(say.text());
                        id = say.next();
                    }
                    case Step.Menu menu -> {
                        replies.add(menu(menu));
                        waitingAt = menu.id();
                        return;
                    }
                    case Step.Question question -> {
                        say(question.text());
                        waitingAt = question.id();
                        return;
                    }
                    case Step.Condition condition -> id = holds(condition.test(), context) ? condition.then()
                            : condition.otherwise();
                    case Step.Act act -> {
                        if (act.action() instanceof Action.HandOff) {
                            handOff();
                            return;
                        }
                        effects.add(new Effect.Run(act.action()));
                        switch (act.action()) {
                            case Action.AddTag tag -> context.tags().add(tag.tag());
                            case Action.SetAttribute set -> context.attributes().put(set.attribute(), set.value());
                            default -> Objects.requireNonNull(act.action());
                        }
                        id = act.next();
                    }
                }
            }
        }

        private static Interactive menu(Step.Menu menu) {
            if (menu.list()) {
                var rows = menu.options().stream()
                        .map(option -> new Interactive.Row(option.id(), option.title(), option.description())).toList();
                return new Interactive.ListMenu(null, menu.text(), null, menu.button(),
                        List.of(new Interactive.Section(null, rows)));
            }
            var buttons = menu.options().stream().map(option -> new Interactive.Choice(option.id(), option.title()))
                    .toList();
            return new Interactive.Buttons(null, menu.text(), null, buttons);
        }
    }
}

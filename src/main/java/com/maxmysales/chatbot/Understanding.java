package com.maxmysales.chatbot;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.maxmysales.knowledge.EmbeddedText;
import com.maxmysales.knowledge.FaqAnswers;
import com.maxmysales.knowledge.FaqCatalogue;
import com.maxmysales.knowledge.IntentClassifier;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the bot understands of a customer's message beyond its flows: whether they ask for a person, its intent and
 * the FAQ's answer (the knowledge module's models).
 */
@Component
class Understanding {

    /** The intent of the shared training set that means "let me talk to a person". */
    static final String TALK_TO_HUMAN = "talk_to_human";
    /** The id of the "talk to a person" button the bot offers when it has no answer. */
    static final String HAND_OFF_CHOICE = "bot:handoff";
    /**
     * How sure the classifier must be before its "talk to a person" alone hands a conversation off. Its own threshold
     * (0.2 over 16 intents) lets a question it cannot place lean that way ("can your parrot sing opera?" read 0.21):
     * such a customer is offered a person instead, and the words that ask for one (below) hand off at any confidence.
     */
    static final double HAND_OFF_CONFIDENCE = 0.5;

    private static final Pattern PERSON = Pattern.compile(
            "\\b(talk|speak|chat|connect)\\b.*\\b(person|human|agent|someone|somebody|representative|executive|staff)\\b"
                    + "|^(agent|human|person|representative|operator)\\W*$"
                    + "|\\b(real|live) (person|human|agent)\\b"
                    + "|\\b(kisi|insaan|banda|bande)\\b.*\\b(baat|bat)\\b"
                    + "|इंसान|किसी से बात|एजेंट");

    /** An intent guess the bot acts on; below its confidence the message has no intent. */
    record Intent(@Nullable String name, double confidence) {
        static final Intent NONE = new Intent(null, 0);
    }

    /** The FAQ's answer to a question. */
    record Answer(String question, String answer, double confidence) {}

    /**
     * Whether the customer asks for a person: our "talk to a person" button, or their own words. Not a tap on one of
     * the business's own options (a menu's "Talk to us" leading to its own step): the business's flow answers that.
     */
    boolean handsOff(String text, @Nullable String choiceId, Intent intent) {
        if (choiceId != null) {
            return HAND_OFF_CHOICE.equals(choiceId);
        }
        return !text.isBlank() && asksForPerson(text, intent);
    }

    private boolean asksForPerson(String text, Intent intent) {
        return PERSON.matcher(text.toLowerCase(Locale.ROOT)).find()
                || TALK_TO_HUMAN.equals(intent.name()) && intent.confidence() >= HAND_OFF_CONFIDENCE;
    }

    private final IntentClassifier classifier;
    private final FaqAnswers faq;
    private final FaqCatalogue catalogue;

    Understanding(IntentClassifier classifier, FaqAnswers faq, FaqCatalogue catalogue) {
        this.classifier = classifier;
        this.faq = faq;
        this.catalogue = catalogue;
    }

    /**
     * The message as both models read it, embedded once: the embedding is most of what classifying and the FAQ cost,
     * and the bot asks both about most messages.
     */
    EmbeddedText embed(String text) {
        return faq.embed(text);
    }

    /** The knowledge module's guess; it abstains (no intent) below its own confidence threshold. */
    Intent intent(WorkspaceId workspace, EmbeddedText text) {
        var guess = classifier.classify(workspace, text);
        return guess.intent() == null ? Intent.NONE : new Intent(guess.intent(), guess.confidence());
    }

    /**
     * The FAQ's answer, absent when no entry is close enough: the bot then offers a person instead of guessing. A
     * workspace still on the example FAQ it started with (another business's entries) gets no answer from it unless it
     * adopted them: a new shop's bot must not answer with the demo's prices and policies.
     */
    Optional<Answer> faq(WorkspaceId workspace, EmbeddedText text, boolean examplesAdopted) {
        if (text.text().isBlank() || !examplesAdopted && catalogue.usesDefaults(workspace)) {
            return Optional.empty();
        }
        return faq.answer(workspace, text).map(found -> new Answer(found.question(), found.answer(), found.confidence()));
    }

    static boolean keyword(Set<String> words, String text) {
        var normalized = text.strip().toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(word -> normalized.equals(word)
                || Pattern.compile("(^|\\W)" + Pattern.quote(word) + "($|\\W)").matcher(normalized).find());
    }
}

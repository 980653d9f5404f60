package com.maxmysales.optout;

import java.util.List;

import com.maxmysales.contacts.ConsentAct;
import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.contacts.ConsentSource;
import com.maxmysales.contacts.Evidence;
import com.maxmysales.contacts.Purpose;
import com.maxmysales.messaging.ConversationQueries;
import com.maxmysales.messaging.Message;
import com.maxmysales.messaging.MessageReceived;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every customer message for STOP, START, an unsubscribe button or a sentence asking to stop. A stop
 * withdraws everything business-initiated (marketing and lead follow-up) at once — queued sends are checked
 * again before they leave. It runs in the transaction that stores the message, so the message and its
 * withdrawal are stored together or not at all, and the bulk of traffic, which asks for nothing, costs no
 * second transaction. The confirmation goes out afterwards ({@link OptOutConfirmations}): whether Meta's window
 * still allows it must not decide whether the stop is recorded. The message id is the evidence and the dedupe
 * key, so a redelivered event records and confirms nothing twice.
 * <p>
 * A message that is likely but not certainly an opt-out changes nothing here: the customer is asked
 * ({@link OptOutQuestions}), and their "Stop offers" is recorded with the question as evidence.
 */
@Component
class WhatsAppOptOuts {

    private final ConversationQueries conversations;
    private final OptOutKeywords keywords;
    private final ConsentLedger consent;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final PhraseDetector.TieBreaker tieBreaker;

    WhatsAppOptOuts(ConversationQueries conversations, OptOutKeywords keywords, ConsentLedger consent,
            ApplicationEventPublisher events, JsonMapper json, PhraseDetector.TieBreaker tieBreaker) {
        this.conversations = conversations;
        this.keywords = keywords;
        this.consent = consent;
        this.events = events;
        this.json = json;
        this.tieBreaker = tieBreaker;
    }

    @EventListener
    void on(MessageReceived received) {
        var workspace = received.workspaceId();
        var message = conversations.message(workspace, received.messageId());
        var intent = OptOutDetector.detect(keywords.keywordSet(workspace), message.type(), message.text(),
                message.payload(), json, tieBreaker);
        if (intent.isEmpty()) {
            return;
        }
        var changed = switch (intent.get().kind()) {
            case STOP -> stop(workspace, message, intent.get());
            case START -> restart(workspace, message, intent.get());
            case LIKELY_STOP -> ask(workspace, message, received, intent.get());
        };
        if (changed) {
            events.publishEvent(new WhatsAppOptOutRecorded(workspace, message.contactId(), message.id(),
                    received.channelId(), intent.get().kind() == Intent.Kind.STOP, intent.get().language()));
            if (intent.get().kind() == Intent.Kind.STOP) {
                events.publishEvent(new OptOutRecorded(workspace, OptOutChannel.of(intent.get().how()),
                        "message:" + message.id(), message.createdAt()));
            }
        }
    }

    /**
     * A stop is confirmed even when redelivered: the confirmation has its own key. An answer to the question counts
     * once per question, however often the customer taps it (each tap is a message of its own): it is recorded and
     * confirmed once.
     */
    private boolean stop(WorkspaceId workspace, Message message, Intent intent) {
        if (intent.how().equals("question")) {
            return answer(workspace, message, intent);
        }
        var source = switch (intent.how()) {
            case "button" -> ConsentSource.BUTTON;
            case "phrase" -> ConsentSource.WHATSAPP_SENTENCE;
            default -> ConsentSource.WHATSAPP_KEYWORD;
        };
        consent.optOut(workspace, message.contactId(), Purpose.BUSINESS_INITIATED, new ConsentAct(source,
                message.createdAt(), Evidence.ofMessage(message.id(), intent.how() + ": " + intent.matched()),
                "message:" + message.id()));
        return true;
    }

    /**
     * The question the customer answered is the proof of what "Stop offers" meant: its message (found by the reply's
     * context, the wamid Meta quotes) and its words, with the answer's message id.
     */
    private boolean answer(WorkspaceId workspace, Message answer, Intent intent) {
        var questions = answer.replyToWamid() == null ? List.<Message>of()
                : conversations.byWamids(workspace, List.of(answer.replyToWamid()));
        var detail = "question: answered \"" + intent.matched() + "\" (message " + answer.id() + ")";
        var act = questions.isEmpty()
                ? new ConsentAct(ConsentSource.BUTTON, answer.createdAt(), Evidence.ofMessage(answer.id(), detail),
                        "message:" + answer.id())
                : new ConsentAct(ConsentSource.BUTTON, answer.createdAt(), Evidence.ofMessage(questions.getFirst().id(),
                        detail + " to \"" + questions.getFirst().text() + "\""), "question:" + questions.getFirst().id());
        return consent.optOut(workspace, answer.contactId(), Purpose.BUSINESS_INITIATED, act);
    }

    /** Changes nothing itself: the question goes out after the message is stored, and its answer decides. */
    private boolean ask(WorkspaceId workspace, Message message, MessageReceived received, Intent intent) {
        events.publishEvent(new OptOutQuestionDue(workspace, message.contactId(), message.id(), received.channelId(),
                intent.language()));
        return false;
    }

    /** START re-subscribes only someone who opted out: from anyone else it is not a consent to marketing. */
    private boolean restart(WorkspaceId workspace, Message message, Intent intent) {
        return consent.optIn(workspace, message.contactId(), Purpose.BUSINESS_INITIATED, new ConsentAct(
                ConsentSource.WHATSAPP_KEYWORD, message.createdAt(),
                Evidence.ofMessage(message.id(), "keyword: " + intent.matched()), "message:" + message.id()));
    }
}

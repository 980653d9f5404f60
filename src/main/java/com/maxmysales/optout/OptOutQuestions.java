package com.maxmysales.optout;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.messaging.Lane;
import com.maxmysales.messaging.MessagePurpose;
import com.maxmysales.messaging.Outbound;
import com.maxmysales.messaging.OutboundRequest;
import com.maxmysales.messaging.OutboundResult;
import com.maxmysales.messaging.Recipient;
import com.maxmysales.tenancy.WorkspaceManagement;
import com.maxmysales.whatsapp.message.Interactive;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Asks a customer whose message was likely an opt-out ("too many messages", "not interested", a lone 🛑) whether
 * they want to stop, with two reply buttons, instead of opting them out on a guess or ignoring them. "Stop offers"
 * comes back as an interactive reply that {@link OptOutDetector} reads as a stop, recorded with the question as
 * evidence ({@link WhatsAppOptOuts}); "Keep them" changes nothing. Asked once per message (the idempotency key),
 * not asked of someone already opted out, and only in the open window, like every free-form reply.
 */
@Component
class OptOutQuestions {

    static final String STOP_ANSWER = "optout-question:stop:";
    static final String KEEP_ANSWER = "optout-question:keep:";

    private static final Logger log = LoggerFactory.getLogger(OptOutQuestions.class);

    /** The two buttons per language (at most 20 characters each, Meta's limit). */
    private static final Map<String, List<String>> BUTTONS = Map.of(
            "en", List.of("Stop offers", "Keep them"),
            "hi", List.of("ऑफ़र बंद करें", "चालू रखें"));

    private final ContactDirectory contacts;
    private final ConsentLedger consent;
    private final Outbound outbound;
    private final WorkspaceManagement workspaces;
    private final OptOutSettings settings;

    OptOutQuestions(ContactDirectory contacts, ConsentLedger consent, Outbound outbound, WorkspaceManagement workspaces,
            OptOutSettings settings) {
        this.contacts = contacts;
        this.consent = consent;
        this.outbound = outbound;
        this.workspaces = workspaces;
        this.settings = settings;
    }

    /**
     * @param buttonPayload the id of the reply button the customer tapped, or null
     * @return a stop for "Stop offers"; empty for "Keep them" and anything else
     */
    static Optional<Intent> answer(String buttonPayload) {
        if (buttonPayload != null && buttonPayload.startsWith(STOP_ANSWER)) {
            var language = buttonPayload.substring(STOP_ANSWER.length());
            return Optional.of(Intent.stop("question", BUTTONS.getOrDefault(language, BUTTONS.get("en")).getFirst(),
                    BUTTONS.containsKey(language) ? language : "en"));
        }
        return Optional.empty();
    }

    static boolean isAnswer(String buttonPayload) {
        return buttonPayload != null && (buttonPayload.startsWith(STOP_ANSWER) || buttonPayload.startsWith(KEEP_ANSWER));
    }

    /** Outside a transaction of its own, like the confirmations: the send is one of its own, whatever the outcome. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(OptOutQuestionDue due) {
        var workspace = due.workspaceId();
        if (contacts.phoneOf(workspace, due.contactId()).isEmpty()
                || !consent.optedOut(workspace, List.of(due.contactId())).isEmpty()) {
            return;
        }
        var language = BUTTONS.containsKey(due.language()) ? due.language() : "en";
        var buttons = BUTTONS.get(language);
        var question = new Interactive.Buttons(null, settings.question(language, workspaces.get(workspace).name()), null,
                List.of(new Interactive.Choice(STOP_ANSWER + language, buttons.get(0)),
                        new Interactive.Choice(KEEP_ANSWER + language, buttons.get(1))));
        var result = outbound.queue(OutboundRequest.of(workspace, Recipient.of(due.contactId()),
                question, MessagePurpose.SERVICE, Lane.CONVERSATION)
                .withIdempotencyKey("optout-question:" + due.messageId()).onChannel(due.channelId()));
        if (result instanceof OutboundResult.Refused refused) {
            log.info("Likely opt-out of contact {} not asked about: {}", due.contactId(), refused.reason().code());
        }
    }
}

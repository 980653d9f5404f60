package com.maxmysales.optout;

import java.util.UUID;

import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.messaging.ConversationQueries;
import com.maxmysales.messaging.Message;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a customer's message was about their consent (a STOP, a START, an unsubscribe button, a sentence asking
 * to stop): such a message is this module's to answer, and nobody else's — the chatbot asks before it replies.
 */
@Service
public class OptOutMessages {

    private final ConversationQueries conversations;
    private final OptOutKeywords keywords;
    private final ConsentLedger consent;
    private final JsonMapper json;
    private final PhraseDetector.TieBreaker tieBreaker;

    OptOutMessages(ConversationQueries conversations, OptOutKeywords keywords, ConsentLedger consent, JsonMapper json,
            PhraseDetector.TieBreaker tieBreaker) {
        this.conversations = conversations;
        this.keywords = keywords;
        this.consent = consent;
        this.json = json;
        this.tieBreaker = tieBreaker;
    }

    /**
     * True when the detector reads the message as a stop, a likely stop (which this module answers with its
     * question) or a start (also from someone already opted out, where nothing new is recorded), or when the
     * ledger's latest entry was recorded on this message.
     */
    public boolean aboutConsent(WorkspaceId workspace, UUID messageId) {
        return aboutConsent(workspace, conversations.message(workspace, messageId));
    }

    /** {@link #aboutConsent(WorkspaceId, UUID)} of a message the caller has read already: it is not read again. */
    public boolean aboutConsent(WorkspaceId workspace, Message message) {
        var messageId = message.id();
        if (OptOutDetector.detect(keywords.keywordSet(workspace), message.type(), message.text(), message.payload(), json,
                tieBreaker).isPresent()) {
            return true;
        }
        return consent.current(workspace, message.contactId()).values().stream()
                .anyMatch(entry -> entry.evidence() != null && messageId.equals(entry.evidence().messageId()));
    }
}

package com.maxmysales.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import com.maxmysales.messaging.Message;
import com.maxmysales.messaging.MessageStatus;
import com.maxmysales.shared.ContactId;
import com.maxmysales.whatsapp.message.Interactive;

import org.junit.jupiter.api.Test;

/** A message nothing answers: a tap on a template's button goes to the team; words get the offer of a person. */
class UnansweredMessageTests {

    @Test
    void aTapOnTheBusinesssTemplateButtonGoesToTheTeamAtOnce() {
        var turn = Bot.unanswered(inbound("button", "Show me"));
        assertThat(turn.handedOff()).as("a campaign's 'Show me' is for a person, not for 'I have no answer'").isTrue();
    }

    @Test
    void wordsNothingAnswersGetThePersonOffered() {
        var turn = Bot.unanswered(inbound("text", "what is the meaning of life"));
        assertThat(turn.handedOff()).isFalse();
        assertThat(turn.replies()).singleElement().isInstanceOf(Interactive.Buttons.class);
    }

    private static Message inbound(String type, String text) {
        return new Message(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), new ContactId(UUID.randomUUID()),
                "inbound", type, text, null, "wamid.x", null, MessageStatus.RECEIVED, null, null, Instant.EPOCH, null,
                null, null, null, null, null, null, null);
    }
}

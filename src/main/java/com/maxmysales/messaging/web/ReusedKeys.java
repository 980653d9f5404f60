package com.maxmysales.messaging.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.messaging.Message;
import com.maxmysales.messaging.OutboundRequest;
import com.maxmysales.messaging.Recipient;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.whatsapp.message.MetaMessageJson;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * An idempotency key answers with the message first queued under it. A caller who sends another message, or to
 * another person, under a key it used before would get that first message back and believe the new one queued:
 * refused instead, as a changed body under a used {@code Idempotency-Key} header is. Keys of bulk items are not seen
 * by the header's check, so the answer is compared with the request here, for both endpoints.
 */
@Component
class ReusedKeys {

    private final ContactDirectory contacts;
    private final Clock clock;

    ReusedKeys(ContactDirectory contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    /** The time a request starts: a message its key answers with that was made before it is a replay. */
    Instant now() {
        return clock.instant();
    }

    /**
     * For each answer (null where the request was refused), whether it replays an earlier request's message that is
     * another message, or to another person, than the one asked for.
     */
    boolean[] reused(List<OutboundRequest> requests, List<@Nullable Message> answers, Instant requestStarted) {
        var replays = new ArrayList<Integer>();
        for (int i = 0; i < requests.size(); i++) {
            var answer = answers.get(i);
            if (requests.get(i).idempotencyKey() != null && answer != null && answer.createdAt().isBefore(requestStarted)) {
                replays.add(i);
            }
        }
        var reused = new boolean[requests.size()];
        if (replays.isEmpty()) {
            return reused;
        }
        var phones = contacts.phonesOf(requests.getFirst().workspace(),
                replays.stream().map(i -> answers.get(i).contactId()).toList());
        for (int i : replays) {
            reused[i] = differs(requests.get(i), answers.get(i), phones);
        }
        return reused;
    }

    private static boolean differs(OutboundRequest request, Message answer, Map<ContactId, PhoneNumber> phones) {
        if (!MetaMessageJson.write(request.message()).payload().equals(answer.payload())) {
            return true;
        }
        return switch (request.to()) {
            case Recipient.Contact contact -> !contact.id().equals(answer.contactId());
            case Recipient.Phone phone -> !phone.number().equals(phones.get(answer.contactId()));
        };
    }

    static Refusal refusal(String key) {
        return new Refusal(Refusal.Kind.UNPROCESSABLE, "idempotency-key-reused", "Idempotency key reused",
                "the key " + key + " was used before for another message or recipient; give each message its own key");
    }
}

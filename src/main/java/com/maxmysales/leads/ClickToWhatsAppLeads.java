package com.maxmysales.leads;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.messaging.ConversationQueries;
import com.maxmysales.messaging.ReferralReceived;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer who wrote after clicking a click-to-WhatsApp ad is a lead of the workspace's "Click-to-WhatsApp ads"
 * source, with the ad's id, headline, text, URL and click id ({@code ctwa_clid}) as its answers. Heard in the
 * transaction that stores the message, so the lead is stored with it or not at all; idempotent on the message's
 * wamid. From there it goes the way of every lead: matched to the contact with consent for its follow-up only,
 * followed up and assigned by the source's rule when it has one. A referral from a post is no ad: no lead.
 */
@Component
class ClickToWhatsAppLeads {

    private final ConversationQueries conversations;
    private final ContactDirectory contacts;
    private final LeadSources sources;
    private final LeadRows rows;
    /** How long another message from the same ad by the same person counts as the same lead. */
    static final Duration ONE_LEAD_PER_AD = Duration.ofDays(30);

    private final LeadCipher cipher;
    private final LeadSignal signal;
    private final JsonMapper json;
    private final Clock clock;

    ClickToWhatsAppLeads(ConversationQueries conversations, ContactDirectory contacts, LeadSources sources,
            LeadRows rows, LeadCipher cipher, LeadSignal signal, JsonMapper json, Clock clock) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.sources = sources;
        this.rows = rows;
        this.cipher = cipher;
        this.signal = signal;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(ReferralReceived received) {
        var workspace = received.workspaceId();
        var message = conversations.message(workspace, received.messageId());
        var referral = message.details().referral() == null ? null : json.readTree(message.details().referral());
        if (referral == null || !"ad".equals(referral.path("source_type").asString(""))) {
            return;
        }
        var answers = new ArrayList<Answer>();
        contacts.phoneOf(workspace, received.contactId())
                .ifPresent(phone -> answers.add(answer("phone_number", "WhatsApp number", phone.e164())));
        answers.add(answer("headline", "Ad headline", text(referral, "headline")));
        answers.add(answer("body", "Ad text", text(referral, "body")));
        answers.add(answer("source_url", "Ad URL", text(referral, "source_url")));
        answers.add(answer("media_type", "Ad media", text(referral, "media_type")));
        var sealed = cipher.seal(workspace, new Answers(List.copyOf(answers), text(referral, "ctwa_clid")));
        var source = sources.clickToWhatsApp(workspace);
        var ad = text(referral, "source_id");
        var now = clock.instant();
        // A person who taps the same ad again is the same lead: a second lead would send a second paid follow-up.
        if (sealed.phoneIndex() != null && rows.receivedSince(workspace, source, ad, sealed.phoneIndex(), now.minus(ONE_LEAD_PER_AD))) {
            return;
        }
        var stored = rows.insert(new LeadRows.Intake(workspace, source, message.wamid(), null, null, null, ad, null,
                false, message.createdAt(), sealed), "received", now);
        if (stored) {
            signal.afterCommit();
        }
    }

    private static Answer answer(String key, String label, String value) {
        return new Answer(key, label, value == null ? List.of() : List.of(value));
    }

    private static String text(JsonNode referral, String field) {
        var value = referral.path(field);
        // A field that is not text (an object where Meta sends a string) is treated as missing, never as a failure.
        return value.isValueNode() && !value.isNull() ? value.asString() : null;
    }
}

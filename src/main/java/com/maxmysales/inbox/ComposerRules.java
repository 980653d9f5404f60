package com.maxmysales.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import java.util.UUID;

import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.contacts.ConsentRecord;
import com.maxmysales.contacts.ConsentStatus;
import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.contacts.Purpose;
import com.maxmysales.messaging.Conversation;
import com.maxmysales.messaging.ConversationQueries;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceManagement;
import com.maxmysales.whatsapp.ChannelManagement;
import com.maxmysales.whatsapp.TemplateCatalogue;
import com.maxmysales.whatsapp.TemplateTexts;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Decides what the composer offers: inside Meta's 24-hour window a free reply (even to a customer who opted out of
 * marketing: an answer to their own message is service), outside it only approved templates, each checked against
 * the customer's consent the way the send path checks it ({@link ConsentLedger#mayContact}).
 */
@Service
public class ComposerRules {

    private final ConversationQueries conversations;
    private final ConsentLedger consent;
    private final ContactDirectory contacts;
    private final TemplateCatalogue catalogue;
    private final ChannelManagement channels;
    private final Clock clock;
    private final TemplateTexts texts;
    private final WorkspaceManagement workspaces;

    ComposerRules(ConversationQueries conversations, ConsentLedger consent, ContactDirectory contacts,
            TemplateCatalogue catalogue, ChannelManagement channels, Clock clock, TemplateTexts texts,
            WorkspaceManagement workspaces) {
        this.texts = texts;
        this.workspaces = workspaces;
        this.conversations = conversations;
        this.consent = consent;
        this.contacts = contacts;
        this.catalogue = catalogue;
        this.channels = channels;
        this.clock = clock;
    }

    public ComposerState state(WorkspaceId workspace, Conversation conversation) {
        var now = clock.instant();
        var closesAt = conversations.serviceWindowClosesAt(workspace, conversation).orElse(null);
        var open = closesAt != null && !closesAt.isBefore(now);
        var contact = conversation.contactId();
        var marketing = consent.current(workspace, contact).get(Purpose.MARKETING);
        var marketingOptOut = marketing != null && marketing.status() == ConsentStatus.WITHDRAWN ? withdrawal(marketing, workspaces.get(workspace).timeZone()) : null;
        var mayReply = open && consent.mayContact(workspace, contact, Purpose.SERVICE, true).allowed();
        var serviceTemplate = consent.mayContact(workspace, contact, Purpose.SERVICE, false);
        var marketingTemplate = consent.mayContact(workspace, contact, Purpose.MARKETING, false);
        var wabaId = channels.get(workspace, conversation.channelId()).wabaId();
        var templates = new ArrayList<ComposerState.Choice>();
        for (var template : catalogue.list(workspace, "APPROVED", null, 200).items()) {
            if (!template.wabaId().equals(wabaId)) {
                continue;
            }
            var category = template.category() == null ? "UTILITY" : template.category();
            var permission = "MARKETING".equals(category) ? marketingTemplate : serviceTemplate;
            templates.add(new ComposerState.Choice(template.name(), template.language(), category,
                    permission.allowed() ? null : permission.detail(), texts.bodyOf(template)));
        }
        var name = contacts.get(workspace, contact).name();
        return new ComposerState(open, closesAt, open ? left(Duration.between(now, closesAt)) : null,
                allowed(open, mayReply, marketingOptOut, closesAt), marketingOptOut, mayReply, !open, templates,
                name == null ? "" : name, UUID.randomUUID().toString());
    }

    private static String allowed(boolean open, boolean mayReply, @Nullable String marketingOptOut,
            @Nullable Instant closesAt) {
        if (open && mayReply) {
            return "Reply freely: the customer wrote within the last 24 hours, so WhatsApp allows any message until the "
                    + "window closes." + (marketingOptOut == null ? ""
                    : " They opted out of marketing (" + marketingOptOut + "): answering what they asked is service and "
                    + "is allowed; offers are not.");
        }
        if (open) {
            return "The customer withdrew consent to messages; nothing can be sent.";
        }
        return (closesAt == null ? "The customer has not written to this number yet"
                : "More than 24 hours passed since the customer last wrote")
                + ": WhatsApp allows only an approved template until they write again."
                + (marketingOptOut == null ? "" : " They opted out of marketing (" + marketingOptOut
                + "), so only utility templates may go.");
    }

    /** How and on which day of the workspace's calendar. */
    private static String withdrawal(ConsentRecord record, java.time.ZoneId zone) {
        return record.source().code().replace('_', ' ') + ", " + java.time.LocalDate.ofInstant(record.occurredAt(), zone);
    }

    static String left(Duration duration) {
        var minutes = Math.max(0, duration.toMinutes());
        return minutes >= 60 ? String.format(Locale.ROOT, "%d h %d min", minutes / 60, minutes % 60) : minutes + " min";
    }
}

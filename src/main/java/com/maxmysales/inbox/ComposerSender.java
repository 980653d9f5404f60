package com.maxmysales.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.maxmysales.messaging.Conversation;
import com.maxmysales.messaging.Lane;
import com.maxmysales.messaging.MediaLibrary;
import com.maxmysales.messaging.MessagePurpose;
import com.maxmysales.messaging.Outbound;
import com.maxmysales.messaging.OutboundRequest;
import com.maxmysales.messaging.OutboundResult;
import com.maxmysales.messaging.Recipient;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.ChannelManagement;
import com.maxmysales.whatsapp.MediaKind;
import com.maxmysales.whatsapp.TemplateCatalogue;
import com.maxmysales.whatsapp.message.InvalidMessage;
import com.maxmysales.whatsapp.message.Media;
import com.maxmysales.whatsapp.message.MediaSource;
import com.maxmysales.whatsapp.message.Template;
import com.maxmysales.whatsapp.message.Text;
import com.maxmysales.whatsapp.message.WhatsAppMessage;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what an agent composed through the typed send API, in the conversation's lane and on its number, so the
 * window, the consent ledger and the template's approval are checked exactly as for every other send. A reply is
 * service; a marketing template goes as marketing, which needs the customer's grant.
 */
@Service
public class ComposerSender {

    private final Outbound outbound;
    private final CannedResponses canned;
    private final MediaLibrary media;
    private final TemplateCatalogue catalogue;
    private final ChannelManagement channels;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    ComposerSender(Outbound outbound, CannedResponses canned, MediaLibrary media, TemplateCatalogue catalogue,
            ChannelManagement channels, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.catalogue = catalogue;
        this.channels = channels;
        this.outbound = outbound;
        this.canned = canned;
        this.media = media;
    }

    /** Why a send was not queued, in words for the agent; null when it was. */
    public record Sent(@Nullable String refused) {

        public boolean queued() {
            return refused == null;
        }
    }

    /** A free-form text; exactly {@code /shortcut} sends the canned response's text. */
    public Sent reply(WorkspaceId workspace, UUID agent, Conversation conversation, @Nullable String text, String sendKey) {
        try {
            var body = canned.expand(workspace, text == null ? "" : text);
            return send(workspace, agent, conversation, Text.of(body), MessagePurpose.SERVICE, sendKey);
        } catch (InvalidMessage invalid) {
            return new Sent(invalid.getMessage());
        }
    }

    /**
     * An approved template of the conversation's number. Its category comes from the catalogue, never from the form:
     * a marketing template goes as marketing, which needs the customer's grant.
     *
     * @param values the body's positional variables in order; blank ones at the end are left out
     */
    public Sent template(WorkspaceId workspace, UUID agent, Conversation conversation, String name, String language,
            List<String> values, String sendKey) {
        var wabaId = channels.get(workspace, conversation.channelId()).wabaId();
        var catalogued = catalogue.find(workspace, wabaId, name, language);
        if (catalogued == null || !"APPROVED".equals(catalogued.status())) {
            return new Sent("template " + name + " (" + language + ") is not an approved template of this number");
        }
        var category = catalogued.category();
        try {
            var filled = new ArrayList<>(values.stream().map(String::strip).toList());
            while (!filled.isEmpty() && filled.getLast().isEmpty()) {
                filled.removeLast();
            }
            var purpose = "MARKETING".equals(category) ? MessagePurpose.MARKETING : MessagePurpose.SERVICE;
            return send(workspace, agent, conversation, Template.of(name, language).withBody(filled), purpose, sendKey);
        } catch (InvalidMessage invalid) {
            return new Sent(invalid.getMessage());
        }
    }

    /** A file: streamed to the encrypted store and to Meta by the media library (its limits apply), then sent. */
    public Sent attachment(WorkspaceId workspace, UUID agent, Conversation conversation, InputStreamSource file, long size,
            String mimeType, @Nullable String filename, @Nullable String caption, String sendKey) {
        var uploaded = media.upload(workspace, conversation.channelId(), file, size, mimeType, filename);
        var kind = MediaKind.ofMimeType(mimeType);
        try {
            var message = new Media(kind, new MediaSource.Uploaded(uploaded.metaMediaId()),
                    caption == null || caption.isBlank() || kind == MediaKind.AUDIO || kind == MediaKind.STICKER ? null
                            : caption.strip(),
                    kind == MediaKind.DOCUMENT ? filename : null);
            return send(workspace, agent, conversation, message, MessagePurpose.SERVICE, sendKey);
        } catch (InvalidMessage invalid) {
            return new Sent(invalid.getMessage());
        }
    }

    private Sent send(WorkspaceId workspace, UUID agent, Conversation conversation, WhatsAppMessage message,
            MessagePurpose purpose, String sendKey) {
        var lane = purpose == MessagePurpose.MARKETING ? Lane.CAMPAIGN : Lane.CONVERSATION;
        var result = outbound.queue(OutboundRequest.of(workspace, Recipient.of(conversation.contactId()), message,
                        purpose, lane)
                .onChannel(conversation.channelId()).withIdempotencyKey("inbox:" + sendKey));
        return switch (result) {
            case OutboundResult.Queued queued -> {
                // Published in a transaction of its own: after-commit listeners (analytics' response times) hear it.
                transaction.executeWithoutResult(status -> events.publishEvent(
                        new AgentReplied(workspace, conversation.id(), agent)));
                yield new Sent(null);
            }
            case OutboundResult.Refused refused -> new Sent(refused.detail());
        };
    }
}

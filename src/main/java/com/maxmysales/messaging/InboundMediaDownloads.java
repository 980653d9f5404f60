package com.maxmysales.messaging;

import java.io.IOException;
import java.util.Set;

import com.maxmysales.platform.outbound.DestinationRefused;
import com.maxmysales.platform.outbound.ResponseTooLarge;
import com.maxmysales.whatsapp.ChannelManagement;
import com.maxmysales.whatsapp.GraphClient;
import com.maxmysales.whatsapp.MediaKind;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches the media a customer sent while Meta still has it (media ids of webhooks live 7 days, their URLs
 * 5 minutes) and keeps it encrypted, outside the webhook's transaction: streamed to disk within Meta's limit for
 * its type, only from Meta's media host or the number's Graph API. A failure is retried by Spring Modulith's event
 * registry, which keeps the event until this listener completes; a refused or oversized file is not retried.
 */
@Component
class InboundMediaDownloads {

    private static final Logger log = LoggerFactory.getLogger(InboundMediaDownloads.class);
    static final Set<String> MEDIA = Set.of("image", "video", "audio", "document", "sticker");

    private final ConversationQueries messages;
    private final ChannelManagement channels;
    private final GraphClient graph;
    private final MediaStore media;
    private final JsonMapper json;

    InboundMediaDownloads(ConversationQueries messages, ChannelManagement channels, GraphClient graph, MediaStore media,
            JsonMapper json) {
        this.messages = messages;
        this.channels = channels;
        this.graph = graph;
        this.media = media;
        this.json = json;
    }

    @ApplicationModuleListener
    void on(MediaReceived received) throws IOException, InterruptedException {
        var message = messages.message(received.workspaceId(), received.messageId());
        if (message.payload() == null
                || media.ofMessage(received.workspaceId(), message.id()).isPresent()) {
            return;
        }
        var metaId = json.readTree(message.payload()).path("id").asString();
        if (metaId.isBlank()) {
            return;
        }
        var limit = MediaKind.ofMessageType(message.type()).orElse(MediaKind.DOCUMENT).maxBytes();
        var channel = channels.get(received.workspaceId(), received.channelId());
        try {
            var info = graph.mediaInfo(channel, metaId);
            if (info.sizeBytes() > limit) {
                throw new MediaTooLarge(limit);
            }
            var written = graph.download(channel, info, limit, body -> media.write(received.workspaceId(), body, limit));
            try {
                media.record(received.workspaceId(), received.contactId(), message.id(), metaId, info.mimeType(), written);
            } catch (RuntimeException e) {
                media.discard(received.workspaceId(), written);
                throw e;
            }
            log.debug("Stored {} bytes of {} for message {}", written.size(), message.type(), message.id());
        } catch (DestinationRefused | ResponseTooLarge | MediaTooLarge refused) {
            // Trying again cannot help: the event completes, the message keeps its text and no file.
            log.warn("Media of message {} not stored: {}", message.id(), refused.getMessage());
        }
    }
}

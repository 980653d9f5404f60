package com.maxmysales.messaging;

import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.ChannelManagement;
import com.maxmysales.whatsapp.GraphClient;
import com.maxmysales.whatsapp.SendOutcome;

import org.springframework.stereotype.Service;

/** Tells a customer their message was read (blue ticks), at once: nothing to queue or retry. */
@Service
public class ReadReceipts {

    /** What became of a read receipt. */
    public sealed interface Outcome {
        record Marked() implements Outcome {}

        record NotFound() implements Outcome {}

        /** Only messages a customer sent can be marked read. */
        record NotACustomersMessage() implements Outcome {}

        /** @param detail Meta's error, or that no answer came */
        record MetaRefused(String detail) implements Outcome {}
    }

    private final Messages messages;
    private final ChannelManagement channels;
    private final GraphClient graph;

    ReadReceipts(Messages messages, ChannelManagement channels, GraphClient graph) {
        this.messages = messages;
        this.channels = channels;
        this.graph = graph;
    }

    public Outcome markRead(WorkspaceId workspace, UUID messageId) {
        var message = messages.find(workspace, messageId).orElse(null);
        if (message == null) {
            return new Outcome.NotFound();
        }
        if (!"inbound".equals(message.direction()) || message.wamid() == null) {
            return new Outcome.NotACustomersMessage();
        }
        return switch (graph.markRead(channels.get(workspace, message.channel()), message.wamid())) {
            case SendOutcome.Accepted accepted -> new Outcome.Marked();
            case SendOutcome.Refused refused -> new Outcome.MetaRefused(
                    "Meta answered error " + refused.error().code() + ": " + refused.error().details());
            case SendOutcome.Unknown unknown -> new Outcome.MetaRefused(unknown.detail());
        };
    }
}

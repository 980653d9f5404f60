package com.maxmysales.inbox.web;

import java.io.IOException;

import com.maxmysales.inbox.InboxHub;
import com.maxmysales.inbox.InboxSettings;
import com.maxmysales.tenancy.WorkspaceMember;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live events as Server-Sent Events: the API's stream for the business's systems and the inbox pages' stream for
 * signed-in members (the same events, cut to what the member may see; while it is open, they count as online).
 */
@RestController
@Tag(name = "Events", description = "A live stream of the workspace's events")
class EventStreamController {

    private final InboxHub hub;
    private final InboxSettings settings;

    EventStreamController(InboxHub hub, InboxSettings settings) {
        this.hub = hub;
        this.settings = settings;
    }

    @RequiresPermission(Permission.CONVERSATIONS_READ)
    @GetMapping(path = "/api/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The workspace's events as they happen (message.received, message.status, conversation.updated, "
            + "note.added); each SSE event's name is its type, its data the JSON the outbound webhooks send")
    SseEmitter api(@AuthenticationPrincipal WorkspaceMember caller) {
        return open(caller, Permission.CONVERSATIONS_READ);
    }

    @RequiresPermission(Permission.WORKSPACE_VIEW)
    @GetMapping(path = "/app/inbox/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter app(@AuthenticationPrincipal WorkspaceMember caller) {
        return open(caller, Permission.WORKSPACE_VIEW);
    }

    private SseEmitter open(WorkspaceMember caller, Permission needed) {
        var emitter = new SseEmitter(settings.streamTimeout().toMillis());
        var sink = new EmitterSink(emitter);
        emitter.onCompletion(() -> hub.unsubscribe(sink));
        emitter.onTimeout(() -> hub.unsubscribe(sink));
        emitter.onError(error -> hub.unsubscribe(sink));
        hub.subscribe(caller, needed, sink);
        // The first bytes go out at once, so a client knows the stream is open before any event.
        sink.ping();
        return emitter;
    }

    private record EmitterSink(SseEmitter emitter) implements InboxHub.Sink {
        @Override
        public boolean send(String type, String json) {
            try {
                synchronized (emitter) {
                    emitter.send(SseEmitter.event().name(type).data(json, MediaType.APPLICATION_JSON));
                }
                return true;
            } catch (IOException | IllegalStateException gone) {
                return false;
            }
        }

        @Override
        public void close() {
            synchronized (emitter) {
                emitter.complete();
            }
        }

        @Override
        public boolean ping() {
            try {
                synchronized (emitter) {
                    emitter.send(SseEmitter.event().comment("ping"));
                }
                return true;
            } catch (IOException | IllegalStateException gone) {
                return false;
            }
        }
    }
}

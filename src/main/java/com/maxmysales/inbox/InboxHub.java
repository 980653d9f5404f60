package com.maxmysales.inbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's open event streams. An event that arrives is read once per node and written to each stream of its
 * workspace as that stream's viewer may see it; a stream that fails to take it is dropped.
 */
@Component
public class InboxHub {

    /** Where a stream's events go: an SSE connection. Returns false once the client is gone. */
    public interface Sink {
        boolean send(String type, String json);

        /** A keep-alive that carries no event. */
        boolean ping();
    }

    private record Subscription(Viewer viewer, Sink sink) {}

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final InboxEventBodies bodies;
    private final Presence presence;

    InboxHub(InboxEventBodies bodies, Presence presence) {
        this.bodies = bodies;
        this.presence = presence;
    }

    /** Opens a stream; a person's stream is also their presence (they count as online while it is open). */
    public void subscribe(Viewer viewer, Sink sink) {
        subscriptions.add(new Subscription(viewer, sink));
        if (viewer.memberId() != null) {
            presence.beat(viewer.workspace(), Set.of(viewer.memberId()));
        }
    }

    public void unsubscribe(Sink sink) {
        subscriptions.removeIf(subscription -> subscription.sink() == sink);
    }

    void deliver(InboxEvent event) {
        var listeners = subscriptions.stream()
                .filter(subscription -> subscription.viewer().workspace().equals(event.workspaceId())).toList();
        if (listeners.isEmpty()) {
            return;
        }
        var body = bodies.of(event);
        if (body == null) {
            return;
        }
        for (var listener : listeners) {
            var json = body.forViewer(listener.viewer());
            if (json != null && !listener.sink().send(event.type(), json)) {
                subscriptions.remove(listener);
            }
        }
    }

    /** Keeps connections (and proxies on the way) alive, finds the closed ones, and marks the people present. */
    @Scheduled(fixedDelayString = "${maxmysales.inbox.heartbeat-interval:PT20S}", initialDelayString = "PT5S")
    void beat() {
        subscriptions.removeIf(subscription -> !subscription.sink().ping());
        Map<WorkspaceId, Set<UUID>> present = subscriptions.stream()
                .filter(subscription -> subscription.viewer().memberId() != null)
                .collect(Collectors.groupingBy(subscription -> subscription.viewer().workspace(),
                        Collectors.mapping(subscription -> subscription.viewer().memberId(), Collectors.toSet())));
        present.forEach(presence::beat);
    }
}

package com.maxmysales.inbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.ApiKeyPrincipal;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.WorkspaceMember;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's open event streams. An event that arrives is read once per node and written to each stream of its
 * workspace as that stream's viewer may see it; a stream that fails to take it is dropped. Who holds each stream is
 * checked again every few seconds, so a stream follows its caller's role and the workspace's rules, and ends when the
 * person is disabled or removed or the key revoked. Streams are capped per caller, per workspace and per node.
 */
@Component
public class InboxHub {

    /** Where a stream's events go: an SSE connection. Returns false once the client is gone. */
    public interface Sink {
        boolean send(String type, String json);

        /** A keep-alive that carries no event. */
        boolean ping();

        /** Ends the stream: its caller may no longer hold it. */
        void close();
    }

    /** @param needed what the stream's endpoint requires of its caller, checked again while it is open */
    private record Subscription(WorkspaceMember caller, Permission needed, Viewer viewer, Sink sink) {

        Object holder() {
            return switch (caller) {
                case BusinessUserPrincipal person -> person.userId();
                case ApiKeyPrincipal key -> key.keyId();
            };
        }
    }

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final InboxEventBodies bodies;
    private final Presence presence;
    private final InboxViewers viewers;
    private final StreamCallers callers;
    private final InboxSettings settings;

    InboxHub(InboxEventBodies bodies, Presence presence, InboxViewers viewers, StreamCallers callers,
            InboxSettings settings) {
        this.bodies = bodies;
        this.presence = presence;
        this.viewers = viewers;
        this.callers = callers;
        this.settings = settings;
    }

    /**
     * Opens a stream; a person's stream is also their presence (they count as online while it is open).
     *
     * @throws Refusal {@code too-many-streams} over a cap
     */
    public synchronized void subscribe(WorkspaceMember caller, Permission needed, Sink sink) {
        var viewer = viewers.of(caller);
        var opening = new Subscription(caller, needed, viewer, sink);
        var ofCaller = subscriptions.stream().filter(open -> open.holder().equals(opening.holder())).count();
        var ofWorkspace = subscriptions.stream().filter(open -> open.viewer().workspace().equals(viewer.workspace())).count();
        if (ofCaller >= settings.streamsPerCaller() || ofWorkspace >= settings.streamsPerWorkspace()
                || subscriptions.size() >= settings.streams()) {
            throw new Refusal(Refusal.Kind.THROTTLED, "too-many-streams", "Too many event streams",
                    "close another stream of yours first (at most " + settings.streamsPerCaller() + " per person or key, "
                            + settings.streamsPerWorkspace() + " per workspace)");
        }
        subscriptions.add(opening);
        if (viewer.memberId() != null) {
            presence.beat(viewer.workspace(), Set.of(viewer.memberId()));
        }
    }

    /** Reads every stream's caller again: gone or no longer allowed → the stream ends; otherwise it sees as they now may. */
    @Scheduled(fixedDelayString = "${maxmysales.inbox.stream-recheck-interval:PT2S}", initialDelayString = "PT2S")
    void recheck() {
        for (var open : subscriptions) {
            var now = callers.current(open.caller()).filter(caller -> caller.role().allows(open.needed()));
            if (now.isEmpty()) {
                subscriptions.remove(open);
                open.sink().close();
            } else {
                var viewer = viewers.of(now.get());
                if (!viewer.equals(open.viewer()) || !now.get().equals(open.caller())) {
                    subscriptions.replaceAll(same -> same == open
                            ? new Subscription(now.get(), open.needed(), viewer, open.sink()) : same);
                }
            }
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

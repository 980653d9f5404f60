package com.maxmysales.messaging.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import com.maxmysales.platform.CustomersFirst;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How many bulk requests a node decides and inserts at once: one per two cores, in turn. An integrator queueing a
 * 100,000-message broadcast through four requests at a time took both cores of a small server for half a minute
 * (3,000 messages a second into the outbox, three times what the number may send), and customers writing meanwhile
 * waited seconds for the inbox (inbox-live p99 2.8 s, against 0.25 s once the broadcast was only being sent;
 * docs/performance.md). The intake still outruns the pace; each request also waits, 200 ms at most, while a
 * customer's message waits to be applied ({@link CustomersFirst}). A workspace's requests take their turns one after
 * another, so one that sends many at once waits behind its own and never puts them all ahead of another workspace's.
 * <p>
 * A workspace has at most {@link #PER_WORKSPACE} requests waiting or running on a node; one more is {@code 429
 * too-many-bulk-requests} at once. Each waiting request holds its parsed body (some 2 MB of heap for a 1 MiB body) and
 * goes on waiting after its client has gone: unbounded, one free workspace posting bodies and hanging up queued
 * them faster than one a second is decided, until the node's heap was full for everyone.
 */
@Component
class BulkIntake {

    private static final Duration GIVE_WAY = Duration.ofMillis(200);
    /** A workspace's bulk requests waiting or running on a node at once: twice the four an integrator needs. */
    static final int PER_WORKSPACE = 8;

    private final Semaphore turns;
    private final Map<WorkspaceId, Turns> workspaceTurns = new ConcurrentHashMap<>();
    private final CustomersFirst customersFirst;

    @Autowired
    BulkIntake(CustomersFirst customersFirst) {
        this(customersFirst, Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    BulkIntake(CustomersFirst customersFirst, int atOnce) {
        this.customersFirst = customersFirst;
        this.turns = new Semaphore(atOnce, true);
    }

    <T> T inTurn(WorkspaceId workspace, Callable<T> intake) throws Exception {
        var own = workspaceTurns.computeIfAbsent(workspace, any -> new Turns());
        if (!own.places.tryAcquire()) {
            throw new Refusal(Refusal.Kind.THROTTLED, "too-many-bulk-requests", "Too many bulk requests",
                    "this workspace has " + PER_WORKSPACE + " bulk requests waiting or being queued on this server: "
                            + "wait for their answers before sending more");
        }
        try {
            own.turn.acquire();
            try {
                turns.acquire();
                try {
                    customersFirst.giveWay(GIVE_WAY);
                    return intake.call();
                } finally {
                    turns.release();
                }
            } finally {
                own.turn.release();
            }
        } finally {
            own.places.release();
        }
    }

    /** The workspace's requests waiting or running on this node. */
    int placesTaken(WorkspaceId workspace) {
        var own = workspaceTurns.get(workspace);
        return own == null ? 0 : PER_WORKSPACE - own.places.availablePermits();
    }

    /** A workspace's places (waiting or running) and its one turn at a time. */
    private static final class Turns {
        final Semaphore places = new Semaphore(PER_WORKSPACE);
        final Semaphore turn = new Semaphore(1, true);
    }
}

package com.maxmysales.whatsapp.webhook;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for the webhook inbox: concurrent webhook requests hand their sealed body to a writer that
 * stores everything waiting in one INSERT and one commit, then answers each request. Under load a commit
 * (one fsync) is shared by many webhooks instead of paid by each; alone, a webhook waits for nothing. A batch that
 * stored a customer's message tells every node's {@link UrgentWebhookWorker} in the same commit.
 */
@Component
class InboxWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxWriter.class);
    private static final int MAX_BATCH = 200;
    private static final int WRITERS = 2;

    private record Pending(WebhookInbox.Sealed body, CompletableFuture<Boolean> stored) {}

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final WebhookInbox inbox;
    private final TransactionTemplate transaction;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    InboxWriter(WebhookInbox inbox, PlatformTransactionManager transactions) {
        this.inbox = inbox;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Blocks until the body is durably stored. @return true when it was new, false for a redelivery */
    boolean store(byte[] body) throws InterruptedException {
        var pending = new Pending(inbox.seal(body), new CompletableFuture<>());
        queue.put(pending);
        try {
            return pending.stored().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("webhook event not stored", e.getCause());
        }
    }

    private void write() {
        var batch = new ArrayList<Pending>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                var created = transaction.execute(status -> {
                    var stored = inbox.storeAll(batch.stream().map(Pending::body).toList());
                    if (batch.stream().anyMatch(pending -> pending.body().urgent()
                            && stored.contains(ByteBuffer.wrap(pending.body().hash())))) {
                        inbox.announceUrgent();
                    }
                    return stored;
                });
                for (var pending : batch) {
                    pending.stored().complete(created.remove(ByteBuffer.wrap(pending.body().hash())));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Storing {} webhook event(s) failed; Meta will redeliver them", batch.size(), e);
                batch.forEach(pending -> pending.stored().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < WRITERS; i++) {
            writers.add(Thread.ofVirtual().name("webhook-inbox-writer-" + i).start(this::write));
        }
    }

    @Override
    public void stop() {
        running = false;
        for (var writer : writers) {
            try {
                writer.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server, so requests in flight are answered before the writers go. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}

package com.maxmysales.platform;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Virtual threads that drain a PostgreSQL-backed queue: each calls {@link #work()} in a loop and, when it
 * found nothing, waits for a {@link WakeUp} or the poll interval. Stopping wakes them rather than
 * interrupting them: an interrupt would close a JDBC socket in the middle of a transaction.
 */
public abstract class PollingWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingWorkers.class);
    private static final long ERROR_PAUSE_MILLIS = 1000;

    private final String name;
    private final int count;
    private final long idleMillis;
    private final WakeUp wakeUp;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    protected PollingWorkers(String name, int count, long idleMillis, WakeUp wakeUp) {
        this.name = name;
        this.count = count;
        this.idleMillis = idleMillis;
        this.wakeUp = wakeUp;
    }

    /** Handles what is due; returns how much it handled, 0 when there was nothing. */
    protected abstract int work() throws InterruptedException;

    private void loop() {
        while (running) {
            try {
                if (work() == 0) {
                    wakeUp.await(idleMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("{} failed; retrying", name, e);
                try {
                    Thread.sleep(ERROR_PAUSE_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < count; i++) {
            threads.add(Thread.ofVirtual().name(name + "-" + i).start(this::loop));
        }
    }

    @Override
    public void stop() {
        running = false;
        wakeUp.wakeAll(threads.size());
        for (var thread : threads) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

package com.maxmysales.platform;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/**
 * A node's background work gives way while a customer's message waits to be applied. On two cores a broadcast's
 * sends and their delivery statuses take all the CPU there is, and a customer's message, applied in turn with them,
 * waited seconds for the inbox (inbox-live p99 7 s under the outbound load): the broadcast loses a few milliseconds
 * per customer's message instead. Only waits of bounded length, so work that should never stop — a broadcast —
 * slows down but keeps going even if customers write without pause.
 */
@Component
public class CustomersFirst {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition cleared = lock.newCondition();
    private boolean waiting;

    /** A customer's message was stored on some node and is not applied yet. */
    public void waiting() {
        lock.lock();
        try {
            waiting = true;
        } finally {
            lock.unlock();
        }
    }

    /** Nothing from customers is left to apply. */
    public void cleared() {
        lock.lock();
        try {
            waiting = false;
            cleared.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Called by background work before its next batch: returns at once, or when customers' messages are applied. */
    public void giveWay(Duration atMost) throws InterruptedException {
        lock.lock();
        try {
            var left = atMost.toNanos();
            while (waiting && left > 0) {
                left = cleared.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** For tests and metrics: whether background work is giving way now. */
    public boolean givingWay() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }
}

package com.maxmysales.sandbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The sandbox's own timer for status delays, batch flushes, retries and template reviews. It is not a
 * {@link ScheduledExecutorService} bean on purpose: one of those would displace Spring Boot's task
 * scheduler and run every module's {@code @Scheduled} job on the sandbox's threads.
 */
@Component
@WhenSandboxEnabled
class SandboxScheduler implements DisposableBean {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SandboxScheduler.class);

    private final ScheduledExecutorService executor =
            Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("sandbox-", 0).daemon().factory());

    void after(Duration delay, Runnable task) {
        executor.schedule(logged(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    void every(Duration interval, Runnable task) {
        executor.scheduleWithFixedDelay(logged(task), interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    // A periodic task that throws is never run again; one failure must not stop status delivery for good.
    private static Runnable logged(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("Sandbox task failed", e);
            }
        };
    }
}

package com.maxmysales.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pg_ctl daemonises PostgreSQL, so when the platform dies hard (kill -9, OOM) its postmaster lives on and
 * holds the data directory: the next start would wait and fail. Before starting, stop such an orphan.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final long SHUTDOWN_WAIT_SECONDS = 30;

    private StalePostmaster() {
    }

    static void stopIfRunning(Path dataDirectory) throws IOException {
        var pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        var lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
            return;
        }
        var pid = Long.parseLong(lines.getFirst().strip());
        ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .ifPresent(StalePostmaster::stop);
    }

    private static void stop(ProcessHandle postmaster) {
        log.warn("Stopping PostgreSQL process {} left running by an earlier platform run", postmaster.pid());
        postmaster.destroy();
        try {
            postmaster.onExit().get(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL process " + postmaster.pid() + " did not stop", e);
        }
    }
}

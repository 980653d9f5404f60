package com.maxmysales.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.UUID;

import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformProcess;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform as shipped, in its own JVM with its embedded PostgreSQL under one data directory:
 * stopped and started again, then killed with SIGKILL and started again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformLifecycleSystemTests {

    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    private static final Path DATA = Path.of("target", "lifecycle-data", UUID.randomUUID().toString());
    private static String apiKey;

    @Test
    @Order(1)
    void aRestartOnTheSameDataDirectoryFindsItsData() throws Exception {
        var first = PlatformProcess.start(DATA);
        System.out.println("first start healthy after " + first.awaitHealthy(START_LIMIT).toMillis() + " ms");
        var login = DATA.toAbsolutePath().resolve("demo-login.txt");
        assertThat(first.output()).as("the console says where the demo login is, never what it is")
                .contains(login.toString()).doesNotContain("Password:").doesNotContain("mms_");
        assertThat(Files.readString(login)).contains("Email:    demo@maxmysales.local").contains("API key:  mms_");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(login))).isEqualTo("rw-------");
        apiKey = new Http(first.port()).createWorkspace("Survives restarts");
        first.stop();

        var second = PlatformProcess.start(DATA);
        System.out.println("warm start healthy after " + second.awaitHealthy(START_LIMIT).toMillis() + " ms");
        var workspace = new Http(second.port()).get("/api/v1/workspace", apiKey);
        assertThat(workspace.status()).isEqualTo(200);
        assertThat(workspace.json().get("name").asString()).isEqualTo("Survives restarts");
        assertThat(second.output()).as("the demo is made on the first run only").doesNotContain("demo-login.txt");
        second.stop();
        assertThat(Files.exists(DATA.resolve("pg").resolve("postmaster.pid")))
                .as("a clean stop stops PostgreSQL too").isFalse();
    }

    @Test
    @Order(2)
    void afterAHardKillTheOrphanedDatabaseIsStoppedAndTheNextStartSucceeds() throws Exception {
        var running = PlatformProcess.start(DATA);
        running.awaitHealthy(START_LIMIT);
        running.kill();
        var orphan = ProcessHandle.of(Long.parseLong(
                Files.readAllLines(DATA.resolve("pg").resolve("postmaster.pid")).getFirst().strip()));
        assertThat(orphan).as("pg_ctl daemonised PostgreSQL, so SIGKILL leaves it running").hasValueSatisfying(
                process -> assertThat(process.isAlive()).isTrue());

        var restarted = PlatformProcess.start(DATA);
        restarted.awaitHealthy(START_LIMIT);

        assertThat(orphan.get().isAlive()).isFalse();
        assertThat(new Http(restarted.port()).get("/api/v1/workspace", apiKey).status()).isEqualTo(200);
        restarted.stop();
    }
}

package com.maxmysales.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform as shipped, in its own JVM with its embedded PostgreSQL under one data directory, through one life
 * of three starts: a first start and a clean stop; a start on PostgreSQL binaries another local user swapped; a
 * SIGKILL and a start after it. Each start is also the proof of what the one before it left behind.
 */
// Waits on platforms of its own, so it runs beside the in-JVM tests (junit-platform.properties).
@Execution(ExecutionMode.CONCURRENT)
class PlatformLifecycleSystemTests {

    private static final Duration START_LIMIT = Duration.ofSeconds(180);

    /**
     * Issue 11 item 10, the binaries: PostgreSQL ran from a directory under the data directory that was
     * world-writable, so any local user could put their own {@code postgres} there for the platform to run with the
     * database's password and data. After a start nothing there is writable by anyone but the platform's user; a
     * tree left writable by an earlier version, with a swapped {@code postgres} in it, is never run: the platform
     * extracts a fresh copy. Keep a tree others could change (PostgresBinaries.prepare) → the swapped postgres runs
     * and the start fails: fails.
     */
    @Test
    void stoppedSwappedAndKilledThePlatformStartsAgainOnItsOwnDataAndOnlyItsOwnPostgres() throws Exception {
        var data = Path.of("target", "lifecycle-data", UUID.randomUUID().toString()).toAbsolutePath();
        var binaries = data.resolve("pg-binaries");
        String apiKey;
        try (var first = PlatformProcess.start(data)) {
            System.out.println("first start healthy after " + first.awaitHealthy(START_LIMIT).toMillis() + " ms");
            var login = data.resolve("demo-login.txt");
            assertThat(first.output()).as("the console says where the demo login is, never what it is")
                    .contains(login.toString()).doesNotContain("Password:").doesNotContain("mms_");
            assertThat(Files.readString(login)).contains("Email:    demo@maxmysales.local").contains("API key:  mms_");
            assertThat(mode(login)).isEqualTo("rw-------");
            var demoKey = Files.readAllLines(login).stream().filter(line -> line.startsWith("API key:"))
                    .map(line -> line.substring("API key:".length()).strip()).findFirst().orElseThrow();
            var demo = new Http(first.port());
            com.maxmysales.support.Eventually.await(() ->
                    demo.get("/api/v1/conversations", demoKey).json().get("items").size() == 3);
            assertThat(mode(binaries)).isEqualTo("rwx------");
            assertThat(writableByOthers(binaries)).isEmpty();
            apiKey = new Http(first.port()).createWorkspace("Survives restarts");
            first.stop();
            assertThat(data.resolve("pg").resolve("postmaster.pid")).as("a clean stop stops PostgreSQL too").doesNotExist();
        }

        var marker = data.resolve("swapped-postgres-ran");
        var postgres = binary(binaries, "postgres");
        Files.writeString(postgres, "#!/bin/sh\necho swapped > " + marker + "\nexit 1\n");
        Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(binaries, PosixFilePermissions.fromString("rwxrwxrwx"));

        try (var second = PlatformProcess.start(data)) {
            System.out.println("warm start healthy after " + second.awaitHealthy(START_LIMIT).toMillis() + " ms");
            assertThat(marker).as("the swapped postgres never ran").doesNotExist();
            assertThat(new String(Files.readAllBytes(binary(binaries, "postgres")), StandardCharsets.ISO_8859_1))
                    .as("a fresh copy").doesNotContain(marker.toString());
            assertThat(mode(binaries)).isEqualTo("rwx------");
            assertThat(writableByOthers(binaries)).isEmpty();
            var workspace = new Http(second.port()).get("/api/v1/workspace", apiKey);
            assertThat(workspace.status()).isEqualTo(200);
            assertThat(workspace.json().get("name").asString()).isEqualTo("Survives restarts");
            assertThat(second.output()).as("the demo is made on the first run only").doesNotContain("demo-login.txt");

            second.kill();
            var orphan = ProcessHandle.of(Long.parseLong(
                    Files.readAllLines(data.resolve("pg").resolve("postmaster.pid")).getFirst().strip()));
            assertThat(orphan).as("pg_ctl daemonised PostgreSQL, so SIGKILL leaves it running").hasValueSatisfying(
                    process -> assertThat(process.isAlive()).isTrue());

            try (var third = PlatformProcess.start(data)) {
                third.awaitHealthy(START_LIMIT);

                assertThat(orphan.get().isAlive()).as("the orphan was stopped before the new start").isFalse();
                assertThat(new Http(third.port()).get("/api/v1/workspace", apiKey).status()).isEqualTo(200);
            }
        }
    }

    private static Path binary(Path binaries, String name) throws IOException {
        try (Stream<Path> tree = Files.walk(binaries)) {
            return tree.filter(path -> path.getFileName().toString().equals(name) && path.getParent().endsWith("bin"))
                    .findFirst().orElseThrow();
        }
    }

    private static List<Path> writableByOthers(Path directory) throws IOException {
        try (Stream<Path> tree = Files.walk(directory)) {
            return tree.filter(path -> !Files.isSymbolicLink(path)).filter(path -> {
                try {
                    var permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                    return permissions.contains(PosixFilePermission.GROUP_WRITE)
                            || permissions.contains(PosixFilePermission.OTHERS_WRITE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}

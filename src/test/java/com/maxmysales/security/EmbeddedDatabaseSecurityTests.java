package com.maxmysales.security;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL runs binaries the platform extracts under its data directory. That directory was
 * world-writable, so any local user could put their own {@code postgres} there and have the platform run it, with
 * the database's password and all its data.
 */
class EmbeddedDatabaseSecurityTests {

    private static final Duration START_LIMIT = Duration.ofSeconds(180);

    /**
     * Issue 11, item 10: after a start, nothing under {@code pg-binaries} is writable by anyone but the platform's
     * user; and a tree left writable by an earlier version, with a swapped {@code postgres} in it, is never run:
     * the platform extracts a fresh copy and starts on it.
     */
    @Test
    void onlyThePlatformsUserCanChangeThePostgresItRuns() throws Exception {
        var data = Path.of("target", "security-data", UUID.randomUUID().toString()).toAbsolutePath();
        var binaries = data.resolve("pg-binaries");
        var first = PlatformProcess.start(data);
        try {
            first.awaitHealthy(START_LIMIT);
            assertThat(mode(binaries)).isEqualTo("rwx------");
            assertThat(writableByOthers(binaries)).isEmpty();
        } finally {
            first.stop();
        }

        var marker = data.resolve("swapped-postgres-ran");
        var postgres = binary(binaries, "postgres");
        Files.writeString(postgres, "#!/bin/sh\necho swapped > " + marker + "\nexit 1\n");
        Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(binaries, PosixFilePermissions.fromString("rwxrwxrwx"));

        var second = PlatformProcess.start(data);
        try {
            second.awaitHealthy(START_LIMIT);
            assertThat(marker).as("the swapped postgres never ran").doesNotExist();
            assertThat(new String(Files.readAllBytes(binary(binaries, "postgres")), StandardCharsets.ISO_8859_1))
                    .as("a fresh copy").doesNotContain(marker.toString());
            assertThat(mode(binaries)).isEqualTo("rwx------");
            assertThat(writableByOthers(binaries)).isEmpty();
            assertThat(new Http(second.port()).createWorkspace("Runs on a fresh copy")).startsWith("mms_");
        } finally {
            second.stop();
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

package com.maxmysales.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What a platform's first start leaves in its data directory before it migrates anything: PostgreSQL's binaries
 * extracted ({@code pg-binaries}, writable by their owner only), a cluster made by {@code initdb} with the
 * superuser's password ({@code pg}), and that password ({@code secrets/postgres.password}). Made once per test
 * JVM with the platform's own {@code initdb} settings, then copied: a child platform started on a copy skips
 * the extraction and {@code initdb}, about two seconds of each cold start.
 */
final class PostgresTemplate {

    private static Path template;

    private PostgresTemplate() {
    }

    static void copyTo(Path directory) throws IOException {
        var from = template();
        Files.createDirectories(directory.getParent());
        run("cp", "-a", from.toString(), directory.toString());
    }

    private static synchronized Path template() throws IOException {
        if (template == null) {
            var made = Path.of("target", "postgres-template", UUID.randomUUID().toString()).toAbsolutePath();
            var password = Files.createDirectories(made.resolve("secrets")).resolve("postgres.password");
            var bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            Files.createFile(password, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(password, HexFormat.of().formatHex(bytes), StandardCharsets.UTF_8);
            // The settings initdb keeps; those the platform passes at every start do not matter here. zonky extracts
            // its binaries once per JVM, wherever it was first asked to: where TestDatabase asks, so they are there.
            EmbeddedPostgres.builder()
                    .setDataDirectory(made.resolve("pg"))
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(TestDatabase.BINARIES.toFile())
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", password.toString())
                    .setConnectConfig("password", Files.readString(password).strip())
                    .start()
                    .close();
            Files.deleteIfExists(made.resolve("pg").resolve("epg-lock"));
            run("cp", "-a", TestDatabase.BINARIES.toString(), made.resolve("pg-binaries").toString());
            ownerOnlyWrites(made.resolve("pg-binaries"));
            template = made;
        }
        return template;
    }

    /** As the platform leaves its binaries, so that its check of them (PostgresBinaries) keeps the copy. */
    private static void ownerOnlyWrites(Path binaries) throws IOException {
        Files.setPosixFilePermissions(binaries, PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> tree = Files.walk(binaries)) {
            tree.filter(path -> !Files.isSymbolicLink(path)).forEach(path -> {
                try {
                    var permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                    if (permissions.remove(PosixFilePermission.GROUP_WRITE) | permissions.remove(PosixFilePermission.OTHERS_WRITE)) {
                        Files.setPosixFilePermissions(path, permissions);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void run(String... command) throws IOException {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}

package com.maxmysales.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

import com.maxmysales.shared.Secret;

/**
 * Secrets a platform makes for itself on its first start (the embedded database's password, the development
 * webhook secrets): random, kept in a file only the platform's user can read, and the same on every later start.
 */
public final class SecretFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {
    }

    /** The file's secret, or a new one of {@code bytes} random bytes (written as hex) when there is no file yet. */
    public static Secret loadOrCreateHex(Path file, int bytes) {
        try {
            if (!Files.exists(file)) {
                create(file, bytes);
            }
            return Secret.of(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    private static void create(Path file, int bytes) throws IOException {
        var directory = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        var secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        // Created with its content and permissions in one step: no moment when it exists readable by others or empty.
        try (var channel = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            channel.write(ByteBuffer.wrap(HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII)));
        } catch (FileAlreadyExistsException anotherProcessWasFirst) {
            // Its secret is the one to use.
        }
    }
}

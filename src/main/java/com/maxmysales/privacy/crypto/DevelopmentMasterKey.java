package com.maxmysales.privacy.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;

import com.maxmysales.platform.DataDirectory;
import com.maxmysales.shared.Secret;

/**
 * The master key of a platform started without one: generated once into {@code <data-dir>/keys/master.key},
 * readable only by the platform's user. It is as safe as that file, hence fine for a laptop, not for
 * production; it is kept in the same base64 form the setting takes, so it can be promoted to one.
 */
final class DevelopmentMasterKey {

    static final String FILE = "master.key";

    private DevelopmentMasterKey() {
    }

    static Path file(DataDirectory dataDirectory) {
        return dataDirectory.resolve("keys").resolve(FILE);
    }

    static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            var stored = Secret.of(Files.readString(file, StandardCharsets.US_ASCII));
            return EncryptionSettings.decode(stored, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development master key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwx------"));
        var encoded = Base64.getEncoder().encode(AesGcm.newKey().getEncoded());
        // Created with its content and permissions in one step: no moment when it exists readable or empty.
        try (var channel = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            channel.write(ByteBuffer.wrap(encoded));
        } catch (FileAlreadyExistsException anotherProcessWasFirst) {
            // Its key is the one to use.
        }
    }
}

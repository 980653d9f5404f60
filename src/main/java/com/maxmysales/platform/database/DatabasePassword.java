package com.maxmysales.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

import com.maxmysales.shared.Secret;

/**
 * The embedded database's superuser password: generated once, kept beside the data in a file only the
 * platform's user can read, because PostgreSQL is reachable by every local process on its port.
 */
record DatabasePassword(Path file, Secret value) {

    static DatabasePassword loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            var bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, HexFormat.of().formatHex(bytes), StandardCharsets.UTF_8);
        }
        return new DatabasePassword(file, Secret.of(Files.readString(file, StandardCharsets.UTF_8).strip()));
    }
}

package com.maxmysales.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the platform keeps everything that is not in PostgreSQL: its embedded database, dev keys, media. */
public record DataDirectory(Path root) {

    public DataDirectory {
        root = root.toAbsolutePath().normalize();
    }

    /** A sub-directory of the data directory, created on first use. */
    public Path resolve(String child) {
        return createDirectories(root.resolve(child));
    }

    /** A file directly in the data directory, which is created if it does not exist yet. */
    public Path file(String name) {
        return createDirectories(root).resolve(name);
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}

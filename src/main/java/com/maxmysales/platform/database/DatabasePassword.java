package com.maxmysales.platform.database;

import java.nio.file.Path;

import com.maxmysales.platform.SecretFiles;
import com.maxmysales.shared.Secret;

/**
 * The embedded database's superuser password: generated once, kept beside the data in a file only the
 * platform's user can read, because PostgreSQL is reachable by every local process on its port.
 */
record DatabasePassword(Path file, Secret value) {

    static DatabasePassword loadOrCreate(Path file) {
        return new DatabasePassword(file, SecretFiles.loadOrCreateHex(file, 24));
    }
}

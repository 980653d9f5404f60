package com.maxmysales.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresBinariesTests {

    @TempDir
    Path data;

    @Test
    void aTreeOthersCouldChangeIsRemovedBeforeZonkyLooksAndAFreshDirectoryIsTheOwnersAlone() throws IOException {
        var binaries = extracted("rwxrwxrwx", "rwxr-xr-x", "rwxr-xr-x");
        assertThat(PostgresBinaries.onlyOwnerCanChange(binaries)).isFalse();

        PostgresBinaries.prepare(binaries);

        assertThat(binaries).isEmptyDirectory();
        assertThat(mode(binaries)).isEqualTo("rwx------");
    }

    @Test
    void aWorldWritableBinaryAnywhereInTheTreeIsEnoughToRemoveIt() throws IOException {
        var binaries = extracted("rwx------", "rwxr-xr-x", "rwxrwxrwx");

        PostgresBinaries.prepare(binaries);

        assertThat(binaries).isEmptyDirectory();
    }

    @Test
    void aTreeOnlyTheOwnerCanChangeIsKept() throws IOException {
        // zonky's setWritable(true, false) on a rwx------ directory: others may write but not search, so change nothing.
        var binaries = extracted("rwx-w--w-", "rwxr-xr-x", "rwxr-xr-x");

        PostgresBinaries.prepare(binaries);

        assertThat(binaries.resolve("PG-1/bin/postgres")).exists();
        assertThat(mode(binaries)).isEqualTo("rwx------");
    }

    @Test
    void afterZonkyNothingUnderTheDirectoryIsWritableByOthers() throws IOException {
        var binaries = extracted("rwxrwxrwx", "rwxrwxrwx", "rw-rw-rw-");

        PostgresBinaries.lockDown(binaries);

        assertThat(mode(binaries)).isEqualTo("rwx------");
        assertThat(mode(binaries.resolve("PG-1/bin"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(binaries.resolve("PG-1/bin/postgres"))).isEqualTo("rw-r--r--");
        assertThat(PostgresBinaries.onlyOwnerCanChange(binaries)).isTrue();
    }

    private Path extracted(String root, String directories, String binary) throws IOException {
        var binaries = data.resolve("pg-binaries");
        var bin = Files.createDirectories(binaries.resolve("PG-1/bin"));
        var postgres = Files.writeString(bin.resolve("postgres"), "#!/bin/sh\n");
        Files.createSymbolicLink(bin.resolve("postmaster"), Path.of("postgres"));
        Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString(binary));
        try (Stream<Path> tree = Stream.of(bin, bin.getParent())) {
            for (var directory : tree.toList()) {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString(directories));
            }
        }
        Files.setPosixFilePermissions(binaries, PosixFilePermissions.fromString(root));
        return binaries;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}

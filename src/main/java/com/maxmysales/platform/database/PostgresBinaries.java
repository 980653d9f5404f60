package com.maxmysales.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory PostgreSQL's binaries are extracted to, kept so that only the platform's own user can change
 * what it runs. zonky makes that directory writable by everyone at every start ({@code setWritable(true, false)}),
 * so any local user could have put their own {@code postgres} there for the platform to run with the database's
 * password and data. Before zonky looks, a tree that another user could have changed is removed (zonky extracts
 * a fresh copy); once PostgreSQL runs, the directory is made {@code rwx------} and nothing under it is writable
 * by group or others. While zonky works the directory has no search permission for others, so its write bit
 * lets them do nothing.
 */
final class PostgresBinaries {

    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final EnumSet<PosixFilePermission> WRITE_BY_OTHERS =
            EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private PostgresBinaries() {
    }

    /** Makes the directory ready for zonky: present, {@code rwx------}, and holding nothing another user could have changed. */
    static Path prepare(Path directory) throws IOException {
        if (!posix()) {
            return Files.createDirectories(directory);
        }
        if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS) && !onlyOwnerCanChange(directory)) {
            log.warn("{} could be changed by other users of this machine; removing it so that a fresh copy of "
                    + "PostgreSQL is extracted", directory);
            delete(directory);
        }
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        return directory;
    }

    /** After zonky: the directory back to {@code rwx------}, and no group- or world-writable file or directory under it. */
    static void lockDown(Path directory) throws IOException {
        if (!posix()) {
            return;
        }
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> tree = Files.walk(directory)) {
            tree.filter(path -> !Files.isSymbolicLink(path)).forEach(path -> {
                try {
                    var permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                    if (permissions.removeAll(WRITE_BY_OTHERS)) {
                        Files.setPosixFilePermissions(path, permissions);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Every entry is ours; no file is writable by others; no directory lets others add, remove or rename entries. */
    static boolean onlyOwnerCanChange(Path directory) throws IOException {
        var self = FileSystems.getDefault().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        try (Stream<Path> tree = Files.walk(directory)) {
            return tree.allMatch(path -> safe(path, self));
        }
    }

    private static boolean safe(Path path, UserPrincipal self) {
        try {
            var attributes = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
            return attributes.owner().equals(self) && (attributes.isSymbolicLink() || !writableByOthers(attributes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean writableByOthers(PosixFileAttributes attributes) {
        var permissions = attributes.permissions();
        if (!attributes.isDirectory()) {
            return permissions.contains(PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE);
        }
        // Changing a directory's entries takes both write and search permission.
        return permissions.contains(PosixFilePermission.GROUP_WRITE) && permissions.contains(PosixFilePermission.GROUP_EXECUTE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE) && permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> tree = Files.walk(directory)) {
            for (var path : tree.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new IOException("cannot remove " + path + ", which another user may have changed; remove "
                            + directory + " and start again", e);
                }
            }
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}

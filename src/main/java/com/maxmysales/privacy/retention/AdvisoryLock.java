package com.maxmysales.privacy.retention;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * A PostgreSQL session-level advisory lock, so that a job runs on one node at a time. It is held by a
 * connection of its own for as long as the job runs, while the job's statements commit in batches on other
 * connections; if the node dies, its connection closes and the lock is free again.
 */
@Component
class AdvisoryLock {

    private final DataSource dataSource;

    AdvisoryLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The lock, if no other session holds it; close it to release. */
    Optional<Held> tryAcquire(long key) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (var statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                statement.setLong(1, key);
                try (var result = statement.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return Optional.of(new Held(connection, key));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("advisory lock " + key + " could not be tried", e);
        }
    }

    record Held(Connection connection, long key) implements AutoCloseable {

        @Override
        public void close() {
            try (var statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                statement.setLong(1, key);
                statement.execute();
            } catch (SQLException e) {
                // A connection that cannot run the unlock is broken: the pool discards it, ending the session and its lock.
            } finally {
                closeQuietly(connection);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Nothing more to release.
            }
        }
    }
}

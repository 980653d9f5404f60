package com.maxmysales.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * One real PostgreSQL server per test JVM, started on first use; every Spring context gets a fresh
 * database of its own on it, so contexts never see each other's rows. To the platform this server is an
 * external database: {@code spring.datasource.url} is set, so it starts no embedded one.
 *
 * <p>The server stops only after every context has closed: stopped together with them (by the library's own
 * shutdown hook), it made the contexts' shutdown wait 30 s for connections that never came.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Where zonky extracts PostgreSQL's binaries for every server of the test JVM. */
    static final Path BINARIES = Path.of("target", "pg-binaries").toAbsolutePath();
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final long CONTEXTS_CLOSE_WAIT_SECONDS = 20;
    private static final Set<ConfigurableApplicationContext> STARTED = ConcurrentHashMap.newKeySet();
    private static EmbeddedPostgres server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var database = createDatabase();
        TestPropertyValues.of(
                "spring.datasource.url=" + jdbcUrl(database),
                "spring.datasource.username=postgres",
                "spring.datasource.password=",
                "maxmysales.data-dir=" + Path.of("target", "test-data", UUID.randomUUID().toString()))
                .applyTo(context);
        context.addApplicationListener(event -> {
            if (event instanceof ContextRefreshedEvent refreshed && refreshed.getApplicationContext() == context) {
                STARTED.add(context);
            }
        });
    }

    /** A closing context is active until its beans, connection pool included, are gone. */
    private static void stopAfterTheContexts() {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CONTEXTS_CLOSE_WAIT_SECONDS);
        while (STARTED.stream().anyMatch(ConfigurableApplicationContext::isActive) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized String createDatabase() {
        var name = "test_" + DATABASES.incrementAndGet();
        try (var connection = server().getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return name;
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:%d/%s".formatted(server().getPort(), database);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(BINARIES.toFile())
                        .setRegisterShutdownHook(false)
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopAfterTheContexts, "test-database-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }
}

package com.maxmysales.platform.database;

import java.io.IOException;
import java.nio.file.Path;

import com.maxmysales.platform.DataDirectory;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL inside the platform's own data directory when no external database is configured,
 * so a fresh machine needs nothing but a JDK. Boot's own DataSource auto-configuration backs off because
 * this one defines the bean.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    @Bean
    DatabasePassword embeddedDatabasePassword(DataDirectory dataDirectory) throws IOException {
        return DatabasePassword.loadOrCreate(dataDirectory.resolve("secrets").resolve("postgres.password"));
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DataDirectory dataDirectory, DatabasePassword password,
            EmbeddedDatabaseSettings settings) throws IOException {
        Path pgData = dataDirectory.resolve("pg");
        StalePostmaster.stopIfRunning(pgData);
        var binaries = PostgresBinaries.prepare(dataDirectory.root().resolve("pg-binaries"));
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                // initdb arguments: the superuser gets a password and every connection must present it
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", password.file().toString())
                .setConnectConfig("password", password.value().reveal())
                // zonky tunes PostgreSQL for throw-away test databases; this one holds the business's data
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("max_connections", "100")
                .setServerConfig("password_encryption", "scram-sha-256")
                // Queue tables go from empty to tens of thousands of rows in seconds on a fresh install; until they
                // are analysed, plans made for empty tables run the webhook backlog ten times slower (docs/performance.md).
                .setServerConfig("autovacuum_naptime", "10s")
                // A broadcast writes 15-20 kB of WAL a message; at PostgreSQL's 1 GB a checkpoint came every minute
                // of it, and every page first touched after one is written to the WAL whole (docs/performance.md).
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("checkpoint_timeout", "15min")
                // A deadlock is found only after a waiter waited this long; a dispatcher claim caught in one held the
                // number's send slot that long, a whole second with nothing sent at PostgreSQL's default (docs/performance.md).
                .setServerConfig("deadlock_timeout", "100ms");
        if (settings.port() > 0) {
            builder.setPort(settings.port());
        }
        if (settings.statementStatistics()) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        try {
            return builder.start();
        } finally {
            PostgresBinaries.lockDown(binaries);
        }
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, DatabasePassword password) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:%d/postgres".formatted(postgres.getPort()));
        dataSource.setUsername("postgres");
        dataSource.setPassword(password.value().reveal());
        return dataSource;
    }
}

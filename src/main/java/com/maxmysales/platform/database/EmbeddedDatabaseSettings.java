package com.maxmysales.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param port the embedded PostgreSQL's port on 127.0.0.1; 0 picks a free one at every start
 * @param statementStatistics loads {@code pg_stat_statements} (the bench counts statements per message with it;
 *                            {@code create extension pg_stat_statements} makes it readable)
 */
@ConfigurationProperties("maxmysales.database.embedded")
record EmbeddedDatabaseSettings(int port, @DefaultValue("false") boolean statementStatistics) {
}

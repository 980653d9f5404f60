package com.maxmysales.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param port the embedded PostgreSQL's port on 127.0.0.1; 0 picks a free one at every start
 */
@ConfigurationProperties("maxmysales.database.embedded")
record EmbeddedDatabaseSettings(int port) {
}

/**
 * The PostgreSQL the platform starts for itself when no external database is configured.
 */
@org.jspecify.annotations.NullMarked
package com.maxmysales.platform.database;

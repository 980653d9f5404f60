package com.maxmysales.support;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every row of every table as PostgreSQL prints it, for tests that look for personal data in plaintext.
 * Byte columns print as hex, so a value is searched both as text and as the hex of its UTF-8 bytes.
 */
public final class DatabaseDump {

    private final String text;

    private DatabaseDump(String text) {
        this.text = text;
    }

    public static DatabaseDump of(JdbcClient jdbc) {
        var tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name
                """).query(String.class).list();
        var dump = new StringBuilder();
        for (var table : tables) {
            jdbc.sql("select t::text from \"" + table + "\" t").query(String.class).list()
                    .forEach(row -> dump.append(table).append(": ").append(row).append('\n'));
        }
        return new DatabaseDump(dump.toString());
    }

    /** The values of this list that appear anywhere, as text or as hex. */
    public List<String> containing(List<String> values) {
        var lower = text.toLowerCase(java.util.Locale.ROOT);
        return values.stream()
                .filter(value -> text.contains(value)
                        || lower.contains(HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8))))
                .toList();
    }

    public int length() {
        return text.length();
    }
}

package com.maxmysales.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every row of every table as PostgreSQL prints it, for tests that look for personal data in plaintext. Byte
 * columns print as hex, so a value is searched both as text and as the hex of its UTF-8 bytes. The search runs in
 * the database, table by table, so a large shared database is never copied into the test.
 */
public final class DatabaseDump {

    private final JdbcClient jdbc;
    private final List<String> tables;
    private final String[] scope;

    private DatabaseDump(JdbcClient jdbc, List<String> tables, String[] scope) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.scope = scope;
    }

    public static DatabaseDump of(JdbcClient jdbc) {
        return new DatabaseDump(jdbc, jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name
                """).query(String.class).list(), new String[0]);
    }

    /**
     * Only the rows that name one of these ids (a workspace's, a request's), in any column: for values too short to be
     * searched for in a whole shared database, where they would turn up by chance.
     */
    public DatabaseDump rowsMentioning(String... ids) {
        return new DatabaseDump(jdbc, tables, ids);
    }

    /** Where the values of this list appear, as text or as hex: "value in table", empty when nowhere. */
    public List<String> containing(List<String> values) {
        var texts = values.toArray(String[]::new);
        var hexes = values.stream().map(value -> HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)))
                .toArray(String[]::new);
        var found = new ArrayList<String>();
        for (var table : tables) {
            // Each row is printed once and matched against every value; printing (ciphertext as hex) is the cost.
            jdbc.sql("""
                    with printed as materialized (
                        select line, lower(line) as lowered from (select t::text as line from "%s" t offset 0) rows)
                    select distinct v.text from printed p
                    join unnest(cast(:texts as text[]), cast(:hexes as text[])) as v(text, hex)
                      on strpos(p.line, v.text) > 0 or strpos(p.lowered, v.hex) > 0
                    where cardinality(cast(:scope as text[])) = 0
                       or exists (select 1 from unnest(cast(:scope as text[])) id where strpos(p.line, id) > 0)
                    """.formatted(table))
                    .param("texts", texts).param("hexes", hexes).param("scope", scope)
                    .query(String.class).list()
                    .forEach(value -> found.add(value + " in " + table));
        }
        return found;
    }

    /** How many rows the search looks at, so that a test can tell it searched something. */
    public long rows() {
        return tables.stream().mapToLong(table -> jdbc.sql("select count(*) from \"" + table + "\"")
                .query(Long.class).single()).sum();
    }
}

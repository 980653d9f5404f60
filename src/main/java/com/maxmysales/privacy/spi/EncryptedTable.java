package com.maxmysales.privacy.spi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link EncryptedColumns} for a table whose encrypted columns each hold one field named {@code table.column}:
 * a module declares its table, key and columns and keeps them next to its SQL; this writes the two queries the
 * re-encryption job needs, the same way for every module. Names come from code, never from input.
 *
 * @param keys the primary key's columns with their SQL types, in order, e.g. {@code Map.of("id", "uuid")}
 * @param from the table, aliased {@code t}, joined to what holds the workspace when it has no column of its own
 * @param workspace the SQL of the workspace id, e.g. {@code t.workspace_id}
 * @param columns the encrypted columns, each encrypted with the field {@code table.column}
 */
public record EncryptedTable(JdbcClient jdbc, String table, Map<String, String> keys, String from, String workspace,
        List<String> columns) implements EncryptedColumns {

    public EncryptedTable {
        keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        columns = List.copyOf(columns);
    }

    /** A table keyed by {@code id uuid} with its own {@code workspace_id}: most of them. */
    public static EncryptedTable byId(JdbcClient jdbc, String table, String... columns) {
        return new EncryptedTable(jdbc, table, Map.of("id", "uuid"), table + " t", "t.workspace_id", List.of(columns));
    }

    @Override
    public String name() {
        return table;
    }

    @Override
    public Set<String> fields() {
        return columns.stream().map(column -> table + "." + column).collect(Collectors.toSet());
    }

    @Override
    public List<EncryptedValue> valuesAfter(String afterRowKey, int rows) {
        var keyColumns = keys.keySet().stream().map(key -> "t." + key).collect(Collectors.joining(", "));
        var sql = "select " + keyColumns + ", " + workspace + ", " + columns.stream().map(column -> "t." + column)
                .collect(Collectors.joining(", ")) + " from " + from
                + " where (" + columns.stream().map(column -> "t." + column + " is not null").collect(Collectors.joining(" or "))
                + ")" + (afterRowKey == null ? "" : " and (" + keyColumns + ") > (" + typedKeys() + ")")
                + " order by " + keyColumns + " limit " + rows;
        var statement = jdbc.sql(sql);
        if (afterRowKey != null) {
            statement = bindKey(statement, afterRowKey);
        }
        var values = new ArrayList<EncryptedValue>();
        statement.query((rs, n) -> values.addAll(valuesOf(rs))).list();
        return values;
    }

    @Override
    public boolean replace(EncryptedValue old, byte[] reEncrypted) {
        var column = old.field().substring(table.length() + 1);
        if (!old.field().startsWith(table + ".") || !columns.contains(column)) {
            throw new IllegalArgumentException(old.field() + " is not a column of " + table);
        }
        var sql = "update " + table + " set " + column + " = :new where (" + String.join(", ", keys.keySet()) + ") = ("
                + typedKeys() + ") and " + column + " = :old";
        return bindKey(jdbc.sql(sql), old.rowKey()).param("new", reEncrypted).param("old", old.ciphertext()).update() == 1;
    }

    private List<EncryptedValue> valuesOf(ResultSet rs) throws SQLException {
        var parts = new ArrayList<String>();
        for (int i = 1; i <= keys.size(); i++) {
            parts.add(rs.getString(i));
        }
        var key = String.join("|", parts);
        var owner = new WorkspaceId(rs.getObject(keys.size() + 1, UUID.class));
        var values = new ArrayList<EncryptedValue>();
        for (int i = 0; i < columns.size(); i++) {
            var ciphertext = rs.getBytes(keys.size() + 2 + i);
            if (ciphertext != null) {
                values.add(new EncryptedValue(key, owner, table + "." + columns.get(i), ciphertext));
            }
        }
        return values;
    }

    private String typedKeys() {
        var index = new int[1];
        return keys.values().stream().map(type -> "cast(:key" + index[0]++ + " as " + type + ")").collect(Collectors.joining(", "));
    }

    private JdbcClient.StatementSpec bindKey(JdbcClient.StatementSpec statement, String rowKey) {
        var parts = rowKey.split("\\|", -1);
        for (int i = 0; i < parts.length; i++) {
            statement = statement.param("key" + i, parts[i]);
        }
        return statement;
    }
}

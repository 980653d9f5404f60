package com.maxmysales.shared;

import java.util.Objects;
import java.util.UUID;

/** The tenant every row, query and event belongs to. */
public record WorkspaceId(UUID value) implements java.io.Serializable {

    public WorkspaceId {
        Objects.requireNonNull(value, "workspace id");
    }

    public static WorkspaceId of(String value) {
        return new WorkspaceId(UUID.fromString(value));
    }

    public static WorkspaceId random() {
        return new WorkspaceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

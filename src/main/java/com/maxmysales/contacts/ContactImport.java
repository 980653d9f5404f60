package com.maxmysales.contacts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import job as the business follows it.
 *
 * @param processedRows data rows done so far (created, updated or refused), out of {@code totalRows}
 */
public record ContactImport(UUID id, String fileName, long sizeBytes, List<String> columns, long totalRows,
        String status, ImportSettings settings, long processedRows, long createdRows, long updatedRows, long errorRows,
        Instant createdAt, Instant startedAt, Instant finishedAt, String failure) {

    /** 100 only once finished: every row processed is not yet the import committed, and "100 %" beside running misled. */
    public int percent() {
        var done = totalRows == 0 ? 100 : (int) Math.min(100, processedRows * 100 / totalRows);
        return finished() ? done : Math.min(99, done);
    }

    public boolean finished() {
        return status.equals("completed") || status.equals("failed");
    }
}

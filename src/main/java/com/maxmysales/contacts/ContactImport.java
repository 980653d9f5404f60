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

    public int percent() {
        return totalRows == 0 ? 100 : (int) Math.min(100, processedRows * 100 / totalRows);
    }

    public boolean finished() {
        return status.equals("completed") || status.equals("failed");
    }
}

package com.maxmysales.contacts;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.WorkspaceId;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two things done around an import rather than by it: counting the rows its consent settings would refuse
 * (read from the stored file, as the worker will read it), and writing a finished import's refused rows into a new
 * file to run again with a corrected mapping. The refused rows are what the error report holds (encrypted, found
 * and erased with the person); the original file is gone once an import completes, and stays gone.
 */
@Component
class ImportPreflight {

    private static final int PAGE = 1000;

    private final ImportJobs jobs;
    private final ImportFiles files;
    private final FieldCipher cipher;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ImportPreflight(ImportJobs jobs, ImportFiles files, FieldCipher cipher, JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The same reading of a row's basis as {@link ImportBatch}: a blank cell has none, a "no" refuses. */
    ImportCheck check(WorkspaceId workspace, ContactImport job, ImportSettings settings) throws IOException {
        var column = settings.mapping().consentBasis() == null ? -1
                : ContactImports.positions(job.columns()).getOrDefault(settings.mapping().consentBasis(), -1);
        var hasDefault = settings.defaultConsentBasis() != null && !settings.defaultConsentBasis().isBlank();
        long rows = 0;
        long missing = 0;
        long refused = 0;
        try (var parser = CsvFiles.parse(files.open(workspace, job.id()))) {
            for (var record : parser) {
                if (record.getRecordNumber() == 1) {
                    continue;
                }
                rows++;
                var cell = column < 0 || column >= record.size() ? "" : record.get(column).strip();
                if (!cell.isEmpty() && ConsentAnswers.isRefusal(cell)) {
                    refused++;
                } else if (cell.isEmpty() && !hasDefault) {
                    missing++;
                }
            }
        }
        return new ImportCheck(rows, missing, refused);
    }

    /**
     * A new uploaded import holding the refused rows of {@code finished} under its header, with the settings it ran
     * with as the suggestion to correct. Runs in the caller's transaction: all of it is written or none.
     */
    UUID refusedRowsAsNewImport(WorkspaceId workspace, ContactImport finished) {
        var id = UUID.randomUUID();
        var name = "refused rows of " + finished.fileName();
        jobs.insert(workspace, id, name.length() > 200 ? name.substring(0, 200) : name, clock.instant());
        long rows = 0;
        try (var chunks = files.writer(workspace, id)) {
            var printer = new CSVPrinter(new OutputStreamWriter(chunks, StandardCharsets.UTF_8), CSVFormat.DEFAULT);
            printer.printRecord(finished.columns());
            long after = 0;
            while (true) {
                var page = jdbc.sql("""
                        select row_number, row_values from contact_import_errors
                        where workspace_id = :workspace and import_id = :id and row_number > :after
                        order by row_number limit :page
                        """)
                        .param("workspace", workspace.value()).param("id", finished.id()).param("after", after)
                        .param("page", PAGE)
                        .query((rs, n) -> new Refused(rs.getLong(1), json.readValue(cipher.decrypt(workspace,
                                ImportBatch.ERROR_VALUES_FIELD, rs.getBytes(2)), new TypeReference<List<String>>() {})))
                        .list();
                for (var refused : page) {
                    printer.printRecord(refused.values());
                }
                rows += page.size();
                if (page.size() < PAGE) {
                    break;
                }
                after = page.getLast().row();
            }
            printer.flush();
            chunks.close();
            jobs.describe(workspace, id, chunks.size(), finished.columns(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jobs.suggest(workspace, id, finished.settings());
        return id;
    }

    private record Refused(long row, List<String> values) {}
}

package com.maxmysales.contacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.platform.Refusal;
import com.maxmysales.platform.SpreadsheetCells;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.WorkspaceId;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * CSV imports as the business runs them: upload a file (streamed into encrypted chunks and counted), look at
 * its columns and first rows with a suggested mapping, start it with a mapping and consent basis, follow its
 * progress, and download the rows it refused. The {@link ImportWorker} does the rows.
 */
@Service
public class ContactImports {

    public static final int PREVIEW_ROWS = 5;
    static final int MAX_COLUMNS = 1000;
    /** Imports a workspace may have waiting or running at once; the penetration test filled the disk without one. */
    static final int MAX_OPEN = 5;
    static final int MAX_COLUMN_NAME = 256;
    private static final String ATTRIBUTE_KEY = "[a-z][a-z0-9_]{0,39}";

    private final ImportJobs jobs;
    private final ImportFiles files;
    private final AttributeDefinitions definitions;
    private final FieldCipher cipher;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ImportSignal signal;
    private final ImportPreflight preflight;

    ContactImports(ImportJobs jobs, ImportFiles files, AttributeDefinitions definitions, FieldCipher cipher,
            JdbcClient jdbc, JsonMapper json, Clock clock, ImportSignal signal, ImportPreflight preflight) {
        this.preflight = preflight;
        this.jobs = jobs;
        this.files = files;
        this.definitions = definitions;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.signal = signal;
    }

    public record Preview(ContactImport job, List<List<String>> rows, ImportSettings.Mapping suggested) {}

    /**
     * @throws Refusal {@code THROTTLED} when the workspace already has {@link #MAX_OPEN} imports waiting or running: each keeps
     *         its file (up to the upload limit) in the shared database
     */
    @Transactional
    public ContactImport upload(WorkspaceId workspace, String fileName, InputStream content) {
        checkOpen(workspace);
        var id = UUID.randomUUID();
        var name = fileName == null || fileName.isBlank() ? "contacts.csv" : fileName.strip();
        jobs.insert(workspace, id, name.length() > 200 ? name.substring(0, 200) : name, clock.instant());
        // Parsed as it is stored, in one pass: a file beyond the parser's limits is refused as soon as it shows.
        try (var chunks = files.writer(workspace, id);
                var parser = CsvFiles.parse(chunks.recording(content))) {
            List<String> columns = List.of();
            long rows = 0;
            for (var record : parser) {
                if (record.getRecordNumber() == 1) {
                    columns = record.stream().map(String::strip).toList();
                    checkHeader(columns);
                } else {
                    rows++;
                }
            }
            if (columns.isEmpty()) {
                throw invalid("the file is empty: it needs a header line naming its columns");
            }
            chunks.close();
            jobs.describe(workspace, id, chunks.size(), columns, rows);
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(e);
        } catch (IllegalStateException e) {
            throw invalid("the file is not valid CSV: " + e.getMessage());
        }
        return get(workspace, id);
    }

    private void checkOpen(WorkspaceId workspace) {
        if (jobs.open(workspace) >= MAX_OPEN) {
            throw new Refusal(Refusal.Kind.THROTTLED, "too-many-open-imports", "Too many open imports",
                    "this workspace has " + MAX_OPEN + " imports uploaded, queued or running: start or delete one first");
        }
    }

    /** The columns are what the mapping step shows and every progress poll reads: a header of sensible size. */
    private static void checkHeader(List<String> columns) {
        if (columns.size() > MAX_COLUMNS) {
            throw tooLarge("the header names " + columns.size() + " columns; an import reads at most " + MAX_COLUMNS);
        }
        columns.stream().filter(column -> column.length() > MAX_COLUMN_NAME).findFirst().ifPresent(column -> {
            throw tooLarge("a column name is longer than " + MAX_COLUMN_NAME + " characters: is the first line the header?");
        });
    }

    private static Refusal unreadable(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BoundedCsvReader.CsvLimitExceeded limit) {
                return tooLarge(limit.getMessage() + "; nothing was imported");
            }
        }
        return invalid("the file could not be read as CSV");
    }

    public ContactImport get(WorkspaceId workspace, UUID id) {
        return jobs.find(workspace, id).orElseThrow(() -> Refusal.notFound("import " + id));
    }

    public List<ContactImport> recent(WorkspaceId workspace) {
        return jobs.recent(workspace, 20);
    }

    /** The header, the first rows as they are in the file, and a mapping guessed from the column names. */
    public Preview preview(WorkspaceId workspace, UUID id) {
        var job = get(workspace, id);
        var rows = new ArrayList<List<String>>();
        if (!job.status().equals("completed")) {
            try (var parser = CsvFiles.parse(files.open(workspace, id))) {
                for (var record : parser) {
                    if (record.getRecordNumber() > 1) {
                        rows.add(record.toList());
                    }
                    if (rows.size() == PREVIEW_ROWS) {
                        break;
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                throw unreadable(e);
            }
        }
        // A failed run, or the refused rows of a finished one, is corrected from the settings it had.
        return new Preview(job, rows, job.settings() != null ? job.settings().mapping() : suggest(job.columns()));
    }

    /**
     * Counts, before anything is written, the rows these settings would refuse for consent: no basis in the mapped
     * column and no default, or a column that says no.
     */
    public ImportCheck check(WorkspaceId workspace, UUID id, ImportSettings settings) {
        var job = get(workspace, id);
        validate(job, settings);
        if (!job.status().equals("uploaded") && !job.status().equals("failed")) {
            throw notStartable(job);
        }
        try {
            return preflight.check(workspace, job, settings);
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    /**
     * A completed import's refused rows as a new import, to start with a corrected mapping (the consent column that
     * was not mapped, a default basis): the settings it ran with are its suggestion. The rows it imported are
     * contacts already; the new import's own report lists what it refuses in turn.
     *
     * @throws Refusal {@code CONFLICT no-refused-rows} unless the import completed and refused rows
     */
    @Transactional
    public ContactImport runRefusedRowsAgain(WorkspaceId workspace, UUID id) {
        var job = get(workspace, id);
        if (!job.status().equals("completed") || job.errorRows() == 0) {
            throw Refusal.conflict("no-refused-rows", "No refused rows to run again",
                    "only a completed import that refused rows can run them again; this one is " + job.status()
                            + " with " + job.errorRows() + " refused");
        }
        checkOpen(workspace);
        return get(workspace, preflight.refusedRowsAsNewImport(workspace, job));
    }

    @Transactional
    public ContactImport start(WorkspaceId workspace, UUID id, ImportSettings settings) {
        var job = get(workspace, id);
        validate(job, settings);
        // A column mapped to an attribute nobody defined yet becomes a text attribute (a city, a branch), in this
        // transaction: refused below, the import defines nothing.
        var types = definitions.all(workspace);
        settings.mapping().attributes().keySet().stream().filter(key -> !types.containsKey(key))
                .forEach(key -> definitions.define(workspace, key, AttributeDefinitions.Type.TEXT));
        if (!jobs.queue(workspace, id, settings)) {
            throw notStartable(job);
        }
        signal.afterCommit();
        return get(workspace, id);
    }

    private static Refusal notStartable(ContactImport job) {
        return Refusal.conflict("import-not-startable", "Import already started",
                "this import is " + job.status() + "; only an uploaded or failed import can be started");
    }

    private static void validate(ContactImport job, ImportSettings settings) {
        var mapping = settings == null ? null : settings.mapping();
        if (mapping == null || mapping.phone() == null || !job.columns().contains(mapping.phone())) {
            throw invalid("mapping.phone must name the file's phone column, one of " + job.columns());
        }
        var named = new ArrayList<String>(List.of(mapping.phone()));
        for (var column : new String[] {mapping.name(), mapping.email(), mapping.tags(), mapping.consentBasis()}) {
            if (column != null && !column.isBlank()) {
                named.add(column);
            }
        }
        named.addAll(mapping.attributes().values());
        named.stream().filter(column -> !job.columns().contains(column)).findFirst().ifPresent(column -> {
            throw invalid("the file has no column " + column);
        });
        mapping.attributes().keySet().stream().filter(key -> key == null || !key.matches(ATTRIBUTE_KEY)).findFirst()
                .ifPresent(key -> {
                    throw invalid("attribute " + key + ": a key is 1 to 40 lower-case letters, digits or _, starting "
                            + "with a letter");
                });
        try {
            Purpose.fromCode(settings.purpose());
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        ContactTags.normalize(settings.tags());
    }

    /**
     * The refused rows as CSV: row number (the header is row 1), reason, then the row's own values, each
     * written so that a spreadsheet shows it as text rather than running it as a formula.
     */
    public void writeErrorReport(WorkspaceId workspace, UUID id, OutputStream out) {
        var job = get(workspace, id);
        try {
            var printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT);
            var header = new ArrayList<Object>(List.of("row", "reason"));
            header.addAll(job.columns());
            printer.printRecord(SpreadsheetCells.row(header));
            long after = 0;
            while (true) {
                var page = jdbc.sql("""
                        select row_number, reason, row_values from contact_import_errors
                        where workspace_id = :workspace and import_id = :id and row_number > :after
                        order by row_number limit 1000
                        """)
                        .param("workspace", workspace.value()).param("id", id).param("after", after)
                        .query((rs, n) -> {
                            var line = new ArrayList<Object>(List.of(rs.getLong(1), rs.getString(2)));
                            line.addAll(json.readValue(cipher.decrypt(workspace, ImportBatch.ERROR_VALUES_FIELD,
                                    rs.getBytes(3)), new TypeReference<List<String>>() {}));
                            return line;
                        }).list();
                for (var line : page) {
                    printer.printRecord(SpreadsheetCells.row(line));
                }
                if (page.size() < 1000) {
                    break;
                }
                after = (Long) page.getLast().getFirst();
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    public void delete(WorkspaceId workspace, UUID id) {
        var job = get(workspace, id);
        if (job.status().equals("running")) {
            throw Refusal.conflict("import-running", "Import running", "wait until the import ends");
        }
        jobs.delete(workspace, id);
    }

    /** Every column the fields do not take is suggested as an attribute of its own name, so none is dropped unseen. */
    static ImportSettings.Mapping suggest(List<String> columns) {
        var fields = new ImportSettings.Mapping(find(columns, "phone", "mobile", "whatsapp", "number", "cell", "contact"),
                find(columns, "name", "full name", "customer"), find(columns, "email", "e-mail", "mail"),
                find(columns, "tags", "tag", "labels"), find(columns, "consent", "basis", "opt-in", "optin"), Map.of());
        var taken = java.util.stream.Stream.of(fields.phone(), fields.name(), fields.email(), fields.tags(),
                fields.consentBasis()).filter(java.util.Objects::nonNull).toList();
        var attributes = new LinkedHashMap<String, String>();
        columns.stream().filter(column -> !taken.contains(column)).forEach(column -> {
            var key = attributeKey(column);
            if (key != null) {
                attributes.putIfAbsent(key, column);
            }
        });
        return new ImportSettings.Mapping(fields.phone(), fields.name(), fields.email(), fields.tags(),
                fields.consentBasis(), attributes);
    }

    /** "City", "Date of birth" → {@code city}, {@code date_of_birth}: a valid attribute key, or null for none. */
    public static String attributeKey(String column) {
        var key = column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (key.isEmpty()) {
            return null;
        }
        if (!Character.isLetter(key.charAt(0))) {
            key = "c_" + key;
        }
        return key.length() > 40 ? key.substring(0, 40) : key;
    }

    private static String find(List<String> columns, String... hints) {
        for (var hint : hints) {
            for (var column : columns) {
                if (column.toLowerCase(Locale.ROOT).contains(hint)) {
                    return column;
                }
            }
        }
        return null;
    }

    static Map<String, Integer> positions(List<String> columns) {
        var positions = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < columns.size(); i++) {
            positions.putIfAbsent(columns.get(i), i);
        }
        return positions;
    }

    private static Refusal invalid(String detail) {
        return Refusal.invalid("invalid-import", "Invalid import", detail);
    }

    private static Refusal tooLarge(String detail) {
        return Refusal.invalid("csv-limit-exceeded", "CSV beyond the import's limits", detail);
    }
}

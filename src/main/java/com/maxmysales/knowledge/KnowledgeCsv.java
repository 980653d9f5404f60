package com.maxmysales.knowledge;

import com.maxmysales.platform.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * Reads an uploaded two-column CSV (a header names the columns, in any order; other columns are ignored) into rows,
 * refusing the whole file with every bad row listed: an upload replaces a workspace's dataset, so it is taken
 * entirely or not at all.
 */
final class KnowledgeCsv {

    /** A data row: its line number in the file (the header is line 1) and its two values, stripped. */
    record Row(long line, String first, String second) {
    }

    /** A problem of one row, as the refusal lists it. */
    record RowError(long row, String message) {
    }

    /** How many row problems a refusal lists; the count says how many there were in all. */
    static final int LISTED_ERRORS = 50;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();

    private KnowledgeCsv() {
    }

    static List<Row> read(InputStream body, String first, String second, int maxRows) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var rows = new ArrayList<Row>();
        try (var parser = FORMAT.parse(new InputStreamReader(body, decoder))) {
            var columns = columns(parser.getHeaderMap());
            var firstColumn = columns.get(first);
            var secondColumn = columns.get(second);
            if (firstColumn == null || secondColumn == null) {
                throw invalid("The first line must name the columns " + first + " and " + second);
            }
            for (var record : parser) {
                if (rows.size() == maxRows) {
                    throw new Refusal(Refusal.Kind.TOO_LARGE, "knowledge-upload-too-large", "Too many rows",
                            "an upload holds at most " + maxRows + " rows");
                }
                var line = parser.getCurrentLineNumber();
                rows.add(new Row(line, value(record.values(), firstColumn), value(record.values(), secondColumn)));
            }
        } catch (CharacterCodingException e) {
            throw invalid("The file is not UTF-8 text");
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv reports a malformed file (an unclosed quote, say) as an unchecked exception with the line.
            var cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            if (cause instanceof CharacterCodingException) {
                throw invalid("The file is not UTF-8 text");
            }
            throw invalid("The file is not valid CSV: " + cause.getMessage());
        }
        return rows;
    }

    static Refusal badRows(List<RowError> errors) {
        var listed = errors.stream().limit(LISTED_ERRORS)
                .map(e -> Map.<String, Object>of("row", e.row(), "message", e.message())).toList();
        return Refusal.unprocessable("invalid-knowledge-rows", "Rows refused",
                errors.size() + " row(s) of the file are not valid; nothing was changed",
                Map.of("errors", listed, "errorCount", errors.size()));
    }

    private static Map<String, Integer> columns(Map<String, Integer> header) {
        var columns = new java.util.HashMap<String, Integer>();
        header.forEach((name, index) -> {
            if (name != null) {
                columns.putIfAbsent(name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT), index);
            }
        });
        return columns;
    }

    private static String value(String[] values, int column) {
        return column < values.length ? values[column].strip() : "";
    }

    private static Refusal invalid(String detail) {
        return Refusal.unprocessable("invalid-csv", "Not a valid CSV file", detail);
    }
}

package com.maxmysales.contacts;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Reads CSV files as spreadsheets export them: UTF-8 with or without a byte-order mark, separated by commas,
 * semicolons (European Excel) or tabs, whichever the header line uses most. Records are streamed, and no field
 * or row is read past its limit ({@link BoundedCsvReader}), so a hostile file costs no more memory than a good one.
 */
final class CsvFiles {

    /** Longer than any name, email, tag list or attribute a contact has; short enough to hold many at once. */
    static final int MAX_FIELD_CHARS = 64 * 1024;
    static final int MAX_ROW_CHARS = 1024 * 1024;

    private static final List<Character> SEPARATORS = List.of(',', ';', '\t');

    private CsvFiles() {
    }

    static CSVParser parse(InputStream raw) throws IOException {
        var in = new BufferedInputStream(raw, 1 << 16);
        in.mark(8192);
        var head = in.readNBytes(8192);
        in.reset();
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            in.skipNBytes(3);
        }
        var firstLine = new String(head, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        var separator = SEPARATORS.stream()
                .max(Comparator.comparingLong(candidate -> firstLine.chars().filter(c -> c == candidate).count()))
                .orElseThrow();
        var format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).get();
        return CSVParser.parse(new BoundedCsvReader(new InputStreamReader(in, StandardCharsets.UTF_8), separator,
                MAX_FIELD_CHARS, MAX_ROW_CHARS), format);
    }
}

package com.maxmysales.contacts;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;

/**
 * Passes a CSV file's characters to the parser and stops it, with {@link CsvLimitExceeded}, as soon as one field
 * or one row grows past its limit. Commons CSV keeps the field it is reading in one buffer, so a quote that is
 * never closed would otherwise make it buffer the rest of the file: an upload of 100 MB took 800 MB of heap.
 * <p>
 * It follows the lexer of the parser it feeds ({@link CsvFiles}: the header's separator, {@code "} quotes
 * doubled inside a quoted field, surrounding spaces ignored): a field is quoted only when its first character
 * after spaces is a quote, and inside a quoted field separators and line breaks are content. Counting the
 * same fields as the parser is what makes the limit hold whatever the file contains.
 */
final class BoundedCsvReader extends FilterReader {

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, AFTER_QUOTED }

    private final char separator;
    private final int maxFieldChars;
    private final int maxRowChars;
    private State state = State.FIELD_START;
    private int fieldChars;
    private int rowChars;
    private long line = 1;
    private long rowStartLine = 1;
    private long fieldStartLine = 1;

    BoundedCsvReader(Reader in, char separator, int maxFieldChars, int maxRowChars) {
        super(in);
        this.separator = separator;
        this.maxFieldChars = maxFieldChars;
        this.maxRowChars = maxRowChars;
    }

    @Override
    public int read() throws IOException {
        var c = super.read();
        if (c >= 0) {
            accept((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        var count = super.read(buffer, offset, length);
        for (int i = 0; i < count; i++) {
            accept(buffer[offset + i]);
        }
        return count;
    }

    @Override
    public long skip(long n) throws IOException {
        // Through read, so that skipped characters count like read ones.
        var skipped = 0L;
        var buffer = new char[(int) Math.min(n, 8192)];
        while (skipped < n) {
            var count = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (count < 0) {
                break;
            }
            skipped += count;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void accept(char c) throws CsvLimitExceeded {
        var lineBreak = c == '\n' || c == '\r';
        if (rowChars == 0) {
            rowStartLine = line;
        }
        if (++rowChars > maxRowChars) {
            throw new CsvLimitExceeded(String.format(Locale.ROOT, "the row starting on line %d is longer than %,d characters",
                    rowStartLine, maxRowChars));
        }
        switch (state) {
            case FIELD_START -> {
                fieldStartLine = line;
                if (c == separator) {
                    fieldChars = 0;
                } else if (lineBreak) {
                    endRow();
                } else if (c == '"') {
                    state = State.QUOTED;
                    fieldChars = 0;
                } else if (!Character.isWhitespace(c)) {
                    state = State.UNQUOTED;
                    fieldChars = 1;
                }
            }
            case UNQUOTED -> {
                if (c == separator) {
                    state = State.FIELD_START;
                } else if (lineBreak) {
                    endRow();
                } else {
                    grow();
                }
            }
            case QUOTED -> {
                if (c == '"') {
                    state = State.QUOTE_IN_QUOTED;
                } else {
                    grow();
                }
            }
            case QUOTE_IN_QUOTED -> {
                if (c == '"') {
                    state = State.QUOTED;
                    grow();
                } else if (c == separator) {
                    state = State.FIELD_START;
                } else if (lineBreak) {
                    endRow();
                } else {
                    state = State.AFTER_QUOTED;
                }
            }
            case AFTER_QUOTED -> {
                if (c == separator) {
                    state = State.FIELD_START;
                } else if (lineBreak) {
                    endRow();
                }
            }
        }
        if (c == '\n') {
            line++;
        }
    }

    private void grow() throws CsvLimitExceeded {
        if (++fieldChars > maxFieldChars) {
            throw new CsvLimitExceeded(String.format(Locale.ROOT, "the field starting on line %d is longer than %,d characters%s",
                    fieldStartLine, maxFieldChars, state == State.QUOTED ? " (is a quote never closed?)" : ""));
        }
    }

    private void endRow() {
        state = State.FIELD_START;
        rowChars = 0;
    }

    /** A field or row of the file is longer than the import reads. */
    static final class CsvLimitExceeded extends IOException {

        CsvLimitExceeded(String message) {
            super(message);
        }
    }
}

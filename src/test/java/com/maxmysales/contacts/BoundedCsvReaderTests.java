package com.maxmysales.contacts;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedCsvReaderTests {

    private static final int FIELD = 10;
    private static final int ROW = 40;

    @Test
    void aFileWithinTheLimitsParsesExactlyAsWithoutThem() throws IOException {
        var csv = "phone;name;note\r\n"
                + "+911;\"Rao; Asha\";\"said \"\"hi\"\"\"\n"
                + "\n"
                + "  +912 ;  \"multi\nline\"  ;x\n"
                + "+913;a\"b;\"\"\n";

        assertThat(values(parse(new BoundedCsvReader(new StringReader(csv), ';', FIELD, ROW), ';')))
                .isEqualTo(values(parse(new StringReader(csv), ';')))
                .contains(List.of("+911", "Rao; Asha", "said \"hi\""), List.of("+912", "multi\nline", "x"));
    }

    @Test
    void aFieldOfExactlyTheLimitIsReadAndOneMoreCharacterIsRefused() {
        assertThat(values(parse(bounded("a,\"0123456789\"\n"), ','))).containsExactly(List.of("a", "0123456789"));

        assertThatThrownBy(() -> values(parse(bounded("a,01234567890\n"), ',')))
                .hasRootCauseInstanceOf(BoundedCsvReader.CsvLimitExceeded.class)
                .rootCause().hasMessage("the field starting on line 1 is longer than 10 characters");
    }

    @Test
    void aQuoteNeverClosedIsRefusedAfterTheLimitNotAtTheEndOfTheFile() {
        var reader = bounded("phone,name\n+911,\"never closed, 1\n+912,x\n+913,y\n" + "z".repeat(1000));

        assertThatThrownBy(() -> values(parse(reader, ',')))
                .rootCause().isInstanceOf(BoundedCsvReader.CsvLimitExceeded.class)
                .hasMessage("the field starting on line 2 is longer than 10 characters (is a quote never closed?)");
    }

    @Test
    void separatorsAndLineBreaksInsideQuotesCountTowardsTheField() {
        assertThatThrownBy(() -> values(parse(bounded("a,\",,,,\n\n,,,,\n\"\n"), ',')))
                .rootCause().isInstanceOf(BoundedCsvReader.CsvLimitExceeded.class);
    }

    @Test
    void aQuoteInsideAnUnquotedFieldOpensNothing() {
        assertThat(values(parse(bounded("a,5\" screen\nb,x\n"), ','))).containsExactly(List.of("a", "5\" screen"), List.of("b", "x"));
    }

    @Test
    void aRowOfManyShortFieldsIsRefusedAtTheRowLimit() {
        assertThatThrownBy(() -> values(parse(bounded("a,b\n" + "1,".repeat(30) + "\n"), ',')))
                .rootCause().isInstanceOf(BoundedCsvReader.CsvLimitExceeded.class)
                .hasMessage("the row starting on line 2 is longer than 40 characters");
    }

    private static Reader bounded(String csv) {
        return new BoundedCsvReader(new StringReader(csv), csv.contains(";") ? ';' : ',', FIELD, ROW);
    }

    private static Iterable<CSVRecord> parse(Reader reader, char separator) {
        try {
            return CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true)
                    .setIgnoreSurroundingSpaces(true).get().parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<String>> values(Iterable<CSVRecord> records) {
        var values = new java.util.ArrayList<List<String>>();
        records.forEach(record -> values.add(record.toList()));
        return values;
    }
}

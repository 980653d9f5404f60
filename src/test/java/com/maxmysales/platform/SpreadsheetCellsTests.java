package com.maxmysales.platform;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCellsTests {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"Click\")", "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(A1:A9)", "\t=1+2", "\r=1+2", "=1+1", "+91 98111 22233 =A1", "-", "+", "＝3+3", "＋1+1", "＠SUM(1)", "－2"})
    void aCellThatASpreadsheetWouldRunIsWrittenAsText(String cell) {
        assertThat(SpreadsheetCells.text(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+919811122233", "+91 98111-22233", "+1 (555) 010-0000", "-12.5", "-1", "Asha Rao",
            "asha@example.com", "", " =not first", "'quoted", "2026-11-01"})
    void numbersPhoneNumbersAndTextStayAsTheyAre(String cell) {
        assertThat(SpreadsheetCells.text(cell)).isEqualTo(cell);
    }

    /** The penetration test: a spreadsheet that splits on semicolons opened the part after one as a formula. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"Asha;=WEBSERVICE(CHAR(104))|Asha;'=WEBSERVICE(CHAR(104))",
            "a;b;@SUM(1+1);+919811122233|a;b;'@SUM(1+1);+919811122233", "=x;=y|'=x;'=y", "vip;diwali|vip;diwali"})
    void everyPartAfterASemicolonIsSafeToo(String cell, String written) {
        assertThat(SpreadsheetCells.text(cell)).isEqualTo(written);
    }

    @Test
    void aRowTurnsNullsIntoEmptyCellsAndKeepsTheOrder() {
        assertThat(SpreadsheetCells.row(Arrays.asList(1L, null, "=x", true))).containsExactly("1", "", "'=x", "true");
        assertThat(SpreadsheetCells.text(null)).isNull();
        assertThat(SpreadsheetCells.row(List.of())).isEmpty();
    }
}

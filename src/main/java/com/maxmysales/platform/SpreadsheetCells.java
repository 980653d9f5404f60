package com.maxmysales.platform;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes a value safe to put in a CSV cell that someone will open in a spreadsheet (OWASP, CSV injection). A
 * cell starting with {@code = + - @}, a tab or a carriage return is read as a formula: a customer who names
 * themselves {@code =HYPERLINK("https://evil.example", "Click")} on WhatsApp would otherwise put a live link,
 * or worse, in front of the business. Such a cell gets a leading {@code '}, which spreadsheets show as text.
 * <p>
 * A signed number — a phone number in any usual notation ({@code +919811122233}, {@code +91 98111-22233},
 * {@code +1 (555) 010-0000}) or a negative amount — is left as it is, so that numbers stay usable and an
 * exported file imports again unchanged: without letters a formula can name no function, cell, sheet or
 * command, so at worst it is arithmetic on the digits that are there.
 */
public final class SpreadsheetCells {

    private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-][0-9 ()./-]*[0-9][0-9 ()./-]*");

    private SpreadsheetCells() {
    }

    /**
     * The value as a spreadsheet shows it, never as a formula; {@code null} stays {@code null}. Every part after a
     * semicolon is made safe too: a spreadsheet set to split on semicolons (as in much of Europe) opens
     * {@code Asha;=WEBSERVICE(...)} as two cells, the second a formula.
     */
    public static String text(String value) {
        if (value == null || value.indexOf(';') < 0) {
            return cell(value);
        }
        var parts = value.split(";", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = cell(parts[i]);
        }
        return String.join(";", parts);
    }

    private static String cell(String value) {
        if (value == null || value.isEmpty() || !startsLikeAFormula(value.charAt(0))
                || SIGNED_NUMBER.matcher(value).matches()) {
            return value;
        }
        return "'" + value;
    }

    /** A row of cells, each as {@link #text(String)}; {@code null} becomes an empty cell. */
    public static List<String> row(List<?> values) {
        return values.stream().map(value -> text(value == null ? "" : value.toString())).toList();
    }

    /** The full-width forms too ({@code ＝ ＋ － ＠}): some spreadsheets with East Asian input read them as formulas. */
    private static boolean startsLikeAFormula(char first) {
        return "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20".indexOf(first) >= 0;
    }
}

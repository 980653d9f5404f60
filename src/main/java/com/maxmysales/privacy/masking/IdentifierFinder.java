package com.maxmysales.privacy.masking;

import java.util.List;

/** Finds one kind of sensitive identifier in a text. Finders reject what only looks like one (checksums, shapes). */
interface IdentifierFinder {

    List<Finding> find(String text);

    /** How the found characters are masked, e.g. every digit but the last four. */
    String mask(String found);

    /** Every digit becomes X except the last {@code keep}; separators stay, so the value keeps its shape. */
    static String maskDigits(String found, int keep) {
        int digits = (int) found.chars().filter(Character::isDigit).count();
        var masked = new StringBuilder(found.length());
        int seen = 0;
        for (char c : found.toCharArray()) {
            if (Character.isDigit(c)) {
                masked.append(++seen > digits - keep ? c : 'X');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }
}

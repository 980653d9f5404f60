package com.maxmysales.privacy.masking;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Aadhaar numbers: twelve digits, never starting with 0 or 1, whose last digit is the Verhoeff check digit,
 * written as on the card ({@code 2345 6789 0124}) or in one piece next to the word Aadhaar or UID. A tenth
 * of all twelve-digit numbers pass the check by chance, so a bare twelve-digit number (an order, a mobile
 * number with its country code) without that word is left alone.
 */
final class AadhaarNumbers implements IdentifierFinder {

    static final int NEARBY = 40;

    private static final Pattern CANDIDATE =
            Pattern.compile("(?<![\\p{L}\\p{N}+])[2-9]\\d{3}([ -]?)\\d{4}\\1\\d{4}(?![\\p{L}\\p{N}])");
    private static final Pattern NAMED = Pattern.compile("aadh?aa?r|\\buid(ai)?\\b", Pattern.CASE_INSENSITIVE);

    @Override
    public List<Finding> find(String text) {
        var found = new ArrayList<Finding>();
        var matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            var grouped = !matcher.group(1).isEmpty();
            var digits = matcher.group().replaceAll("[ -]", "");
            if ((grouped || namedNearby(text, matcher.start(), matcher.end())) && Verhoeff.isValid(digits)) {
                found.add(new Finding(SensitiveKind.AADHAAR, matcher.start(), matcher.end()));
            }
        }
        return found;
    }

    /** UIDAI's own "masked Aadhaar" shows the last four digits. */
    @Override
    public String mask(String found) {
        return IdentifierFinder.maskDigits(found, 4);
    }

    private static boolean namedNearby(String text, int start, int end) {
        return NAMED.matcher(text.substring(Math.max(0, start - NEARBY), Math.min(text.length(), end + NEARBY))).find();
    }
}

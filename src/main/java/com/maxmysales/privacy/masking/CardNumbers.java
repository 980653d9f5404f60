package com.maxmysales.privacy.masking;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Payment card numbers: 14 to 19 digits written as cards are (contiguous, in groups of four, or Amex and
 * Diners' 4-6-5 and 4-6-4), starting with a card network's prefix and passing the Luhn check. The shape and
 * prefix rules keep order numbers such as {@code 403-1234567-1234567} and phone numbers out.
 */
final class CardNumbers implements IdentifierFinder {

    // Not right after a letter, digit or '+' (a phone number), not right before a letter or digit.
    private static final Pattern CANDIDATE = Pattern.compile("(?<![\\p{L}\\p{N}+])\\d(?:[ -]?\\d){13,18}(?![\\p{L}\\p{N}])");
    private static final Pattern GROUPED = Pattern.compile("\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{4}(?:\\1\\d{1,3})?"
            + "|\\d{4}([ -])\\d{6}\\2\\d{4,5}");

    @Override
    public List<Finding> find(String text) {
        var found = new ArrayList<Finding>();
        var matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            var candidate = matcher.group();
            var digits = candidate.replaceAll("[ -]", "");
            var shaped = digits.length() == candidate.length() || GROUPED.matcher(candidate).matches();
            if (shaped && isIssuedRange(digits) && Luhn.isValid(digits)) {
                found.add(new Finding(SensitiveKind.CARD_NUMBER, matcher.start(), matcher.end()));
            }
        }
        return found;
    }

    @Override
    public String mask(String found) {
        return IdentifierFinder.maskDigits(found, 4);
    }

    /** Visa, Mastercard, American Express, RuPay, Discover, Diners Club and JCB, each with its lengths. */
    private static boolean isIssuedRange(String digits) {
        int length = digits.length();
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        return digits.charAt(0) == '4' && (length == 16 || length == 19)
                || (two >= 51 && two <= 55 || four >= 2221 && four <= 2720) && length == 16
                || (two == 34 || two == 37) && length == 15
                || (two == 60 || two == 65 || two == 81 || two == 82 || four / 10 == 508) && length >= 16
                || four == 6011 && length >= 16
                || (two == 36 || two == 38 || four / 10 >= 300 && four / 10 <= 305) && length >= 14
                || two == 35 && four >= 3528 && four <= 3589 && length >= 16;
    }
}

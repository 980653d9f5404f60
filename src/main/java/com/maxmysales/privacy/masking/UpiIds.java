package com.maxmysales.privacy.masking;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * UPI virtual payment addresses, {@code name@bank}: like an email address, but the handle after the @ is a
 * single word ({@code okaxis}, {@code ybl}, {@code paytm}), never a domain with a dot, so emails stay.
 * The handle names the payment app and stays readable; the part that names the person is masked.
 */
final class UpiIds implements IdentifierFinder {

    private static final Pattern UPI = Pattern.compile(
            "(?<![\\p{L}\\p{N}._-])[A-Za-z0-9][A-Za-z0-9._-]{1,255}@[A-Za-z][A-Za-z0-9]{1,63}(?![\\p{L}\\p{N}@]|\\.[\\p{L}\\p{N}])");

    @Override
    public List<Finding> find(String text) {
        var found = new ArrayList<Finding>();
        var matcher = UPI.matcher(text);
        while (matcher.find()) {
            found.add(new Finding(SensitiveKind.UPI_ID, matcher.start(), matcher.end()));
        }
        return found;
    }

    @Override
    public String mask(String found) {
        int at = found.indexOf('@');
        return "X".repeat(at) + found.substring(at);
    }
}

package com.maxmysales.privacy.masking;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Permanent Account Numbers: five letters, four digits, a letter ({@code ABCPE1234F}), where the fourth letter
 * names the holder's type (P person, C company, H HUF, F firm, A AOP, T trust, B BOI, L local authority,
 * J juridical person, G government), which keeps most product codes out.
 */
final class PanNumbers implements IdentifierFinder {

    private static final Pattern PAN =
            Pattern.compile("(?<![\\p{L}\\p{N}])[A-Z]{3}[PCHFATBLJG][A-Z]\\d{4}[A-Z](?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE);

    @Override
    public List<Finding> find(String text) {
        var found = new ArrayList<Finding>();
        var matcher = PAN.matcher(text);
        while (matcher.find()) {
            found.add(new Finding(SensitiveKind.PAN, matcher.start(), matcher.end()));
        }
        return found;
    }

    @Override
    public String mask(String found) {
        return "X".repeat(found.length() - 4) + found.substring(found.length() - 4);
    }
}

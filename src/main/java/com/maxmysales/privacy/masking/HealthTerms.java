package com.maxmysales.privacy.masking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Words that reveal a health condition, from {@code maxmysales.privacy.masking.health-terms}, as whole words in any case. */
final class HealthTerms implements IdentifierFinder {

    private final Pattern terms;

    HealthTerms(List<String> terms) {
        var alternatives = terms.stream().map(String::strip).filter(term -> !term.isEmpty())
                // Longest first, so that "type 2 diabetes" wins over "diabetes".
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        this.terms = alternatives.isEmpty() ? null : Pattern.compile(
                "(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    @Override
    public List<Finding> find(String text) {
        var found = new ArrayList<Finding>();
        if (terms == null) {
            return found;
        }
        var matcher = terms.matcher(text);
        while (matcher.find()) {
            found.add(new Finding(SensitiveKind.HEALTH_TERM, matcher.start(), matcher.end()));
        }
        return found;
    }

    @Override
    public String mask(String found) {
        return found.replaceAll("[\\p{L}\\p{N}]", "X");
    }
}

package com.maxmysales.privacy.masking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;

/**
 * Masks every sensitive identifier the finders recognise. Finders are asked in order and an earlier one wins
 * where two claim the same characters, so a card number is not also counted as a bank account.
 */
final class TextMasker {

    private final List<IdentifierFinder> finders;

    TextMasker(List<String> healthTerms) {
        this.finders = List.of(new CardNumbers(), new AadhaarNumbers(), new BankAccounts(), new PanNumbers(),
                new UpiIds(), new HealthTerms(healthTerms));
    }

    MaskedText mask(String text) {
        if (text == null || text.isEmpty()) {
            return new MaskedText(text, java.util.Map.of());
        }
        var accepted = new ArrayList<Finding>();
        var maskers = new EnumMap<SensitiveKind, IdentifierFinder>(SensitiveKind.class);
        for (var finder : finders) {
            for (var finding : finder.find(text)) {
                if (accepted.stream().noneMatch(finding::overlaps)) {
                    accepted.add(finding);
                    maskers.put(finding.kind(), finder);
                }
            }
        }
        if (accepted.isEmpty()) {
            return new MaskedText(text, java.util.Map.of());
        }
        accepted.sort(Comparator.comparingInt(Finding::start));
        var masked = new StringBuilder(text.length());
        var counts = new EnumMap<SensitiveKind, Integer>(SensitiveKind.class);
        int from = 0;
        for (var finding : accepted) {
            masked.append(text, from, finding.start())
                    .append(maskers.get(finding.kind()).mask(text.substring(finding.start(), finding.end())));
            counts.merge(finding.kind(), 1, Integer::sum);
            from = finding.end();
        }
        return new MaskedText(masked.append(text, from, text.length()).toString(), counts);
    }
}

package com.maxmysales.privacy.masking;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Bank account numbers, recognised by their company: 9 to 18 digits within a short distance of an IFSC
 * ({@code HDFC0001234}: four letters, a zero, six letters or digits). Without an IFSC nearby a long number
 * is an order, a tracking or a phone number, and stays. The IFSC names a branch, not a person, and stays too.
 */
final class BankAccounts implements IdentifierFinder {

    static final int NEARBY = 60;

    private static final Pattern IFSC =
            Pattern.compile("(?<![\\p{L}\\p{N}])[A-Z]{4}0[A-Z0-9]{6}(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACCOUNT = Pattern.compile("(?<![\\p{L}\\p{N}+])\\d{9,18}(?![\\p{L}\\p{N}])");

    @Override
    public List<Finding> find(String text) {
        var ifscs = new ArrayList<int[]>();
        var ifsc = IFSC.matcher(text);
        while (ifsc.find()) {
            ifscs.add(new int[] {ifsc.start(), ifsc.end()});
        }
        var found = new ArrayList<Finding>();
        if (ifscs.isEmpty()) {
            return found;
        }
        var account = ACCOUNT.matcher(text);
        while (account.find()) {
            int start = account.start();
            int end = account.end();
            if (ifscs.stream().anyMatch(code -> start - code[1] <= NEARBY && code[0] - end <= NEARBY)) {
                found.add(new Finding(SensitiveKind.BANK_ACCOUNT, start, end));
            }
        }
        return found;
    }

    @Override
    public String mask(String found) {
        return IdentifierFinder.maskDigits(found, 4);
    }
}

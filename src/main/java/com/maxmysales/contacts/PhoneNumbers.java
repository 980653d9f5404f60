package com.maxmysales.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceManagement;

import org.springframework.stereotype.Service;

/**
 * Reads phone numbers as people write them ({@code 098111 22233}, {@code +91 98111-22233}, {@code 0091...})
 * into E.164 with libphonenumber's numbering plans. A number without a country code is read in the
 * workspace's default region (e.g. IN), so the same person typed two ways is one contact.
 */
@Service
public class PhoneNumbers {

    private static final PhoneNumberUtil PLAN = PhoneNumberUtil.getInstance();

    private final WorkspaceManagement workspaces;

    PhoneNumbers(WorkspaceManagement workspaces) {
        this.workspaces = workspaces;
    }

    public String defaultRegion(WorkspaceId workspace) {
        return workspaces.get(workspace).defaultRegion();
    }

    public Optional<PhoneNumber> normalize(WorkspaceId workspace, String raw) {
        return normalize(raw, defaultRegion(workspace));
    }

    /** The number in E.164, or empty when it is not a possible number of any plan (too short, letters...). */
    public static Optional<PhoneNumber> normalize(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            var parsed = PLAN.parse(raw.strip(), region.toUpperCase(Locale.ROOT));
            // "valid" checks the plan's number ranges, which reject real numbers the day a plan grows: a
            // number that is merely possible (right length for its country) is accepted, as Meta does.
            if (!PLAN.isPossibleNumber(parsed)) {
                return Optional.empty();
            }
            return Optional.of(new PhoneNumber(PLAN.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)));
        } catch (NumberParseException | IllegalArgumentException notANumber) {
            return Optional.empty();
        }
    }

    /** Every phone number written in a text (an email body), in E.164, in the order they appear. */
    public static List<PhoneNumber> findIn(String text, String region) {
        var numbers = new ArrayList<PhoneNumber>();
        if (text == null) {
            return numbers;
        }
        for (var match : PLAN.findNumbers(text, region.toUpperCase(Locale.ROOT), PhoneNumberUtil.Leniency.POSSIBLE,
                Long.MAX_VALUE)) {
            var e164 = PLAN.format(match.number(), PhoneNumberUtil.PhoneNumberFormat.E164);
            try {
                var number = new PhoneNumber(e164);
                if (!numbers.contains(number)) {
                    numbers.add(number);
                }
            } catch (IllegalArgumentException tooShort) {
                // libphonenumber found a short code; not a WhatsApp number
            }
        }
        return numbers;
    }
}

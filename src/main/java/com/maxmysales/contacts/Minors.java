package com.maxmysales.contacts;

import java.util.Locale;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The platform's one definition of a minor (REQUIREMENTS P10). It keeps no birth date, so a workspace marks a child in
 * any of three ways: the attribute {@code minor} true (a boolean, or the text "true"), the attribute {@code age} under
 * 18 (a number, or a text that is one), or the tag {@code minor}. Campaigns leave minors out, the chatbot never sends
 * a minor's words to an LLM, and the compliance report counts them, all by this rule.
 */
@Service
public class Minors {

    static final int ADULT_AGE = 18;
    static final String MARK = "minor";

    private final ContactDirectory directory;

    Minors(ContactDirectory directory) {
        this.directory = directory;
    }

    public static boolean isMinor(Contact contact) {
        return contact.tags().stream().anyMatch(tag -> tag.equalsIgnoreCase(MARK))
                || "true".equalsIgnoreCase(String.valueOf(contact.attributes().get(MARK)))
                || under18(contact.attributes().get("age"));
    }

    private static boolean under18(@Nullable Object age) {
        if (age instanceof Number number) {
            return number.doubleValue() < ADULT_AGE;
        }
        if (age instanceof String text) {
            try {
                return Double.parseDouble(text.strip().toLowerCase(Locale.ROOT)) < ADULT_AGE;
            } catch (NumberFormatException notANumber) {
                return false;
            }
        }
        return false;
    }

    /**
     * How many of the workspace's contacts are minors now. Attributes are encrypted, so this reads and decrypts every
     * contact, a page at a time: a report's cost, never a send path's.
     */
    public long count(WorkspaceId workspace) {
        long minors = 0;
        String cursor = null;
        do {
            var page = directory.page(workspace, null, cursor, com.maxmysales.platform.CursorPage.MAX_LIMIT);
            minors += page.items().stream().filter(Minors::isMinor).count();
            cursor = page.nextCursor();
        } while (cursor != null);
        return minors;
    }
}

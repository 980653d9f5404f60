package com.maxmysales.contacts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.maxmysales.platform.SpreadsheetCells;
import com.maxmysales.shared.WorkspaceId;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;

/**
 * All contacts of a workspace as CSV, streamed page by page; the columns read back in as an import
 * (phone, name, email, tags, one column per custom attribute) plus whether they opted out of marketing.
 * Contacts that came only from a lead form are left out until they grant marketing (P2). A cell that a
 * spreadsheet would run as a formula (a WhatsApp profile name, say) is written as text ({@link SpreadsheetCells}).
 * Every export is written to the audit log (the controllers mark it as a personal-data read).
 */
@Service
public class ContactExport {

    private final ContactDirectory directory;
    private final ConsentLedger consent;
    private final AttributeDefinitions definitions;
    private final ContactRows rows;

    ContactExport(ContactDirectory directory, ConsentLedger consent, AttributeDefinitions definitions, ContactRows rows) {
        this.directory = directory;
        this.rows = rows;
        this.consent = consent;
        this.definitions = definitions;
    }

    public void write(WorkspaceId workspace, OutputStream out) {
        var attributes = List.copyOf(definitions.all(workspace).keySet());
        try {
            var printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT);
            var header = new ArrayList<Object>(List.of("id", "phone", "name", "email", "tags", "opted_out", "created_at"));
            header.addAll(attributes);
            printer.printRecord(SpreadsheetCells.row(header));
            String cursor = null;
            do {
                var page = directory.page(workspace, null, cursor, 500);
                var optedOut = consent.optedOut(workspace, page.items().stream().map(Contact::id).toList());
                var leadsOnly = rows.leadRestricted(workspace, page.items().stream().map(contact -> contact.id().value()).toList());
                for (var contact : page.items()) {
                    if (leadsOnly.contains(contact.id().value())) {
                        continue;
                    }
                    var line = new ArrayList<Object>(List.of(contact.id().toString(),
                            contact.phone() == null ? "" : contact.phone().e164(), nullToEmpty(contact.name()),
                            nullToEmpty(contact.email()), String.join(";", contact.tags()),
                            optedOut.contains(contact.id().value()), contact.createdAt().toString()));
                    attributes.forEach(key -> line.add(contact.attributes().getOrDefault(key, "")));
                    printer.printRecord(SpreadsheetCells.row(line));
                }
                cursor = page.nextCursor();
            } while (cursor != null);
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

package com.maxmysales.compliance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.platform.SpreadsheetCells;
import com.maxmysales.shared.WorkspaceId;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;

/**
 * The people a breach affects, with what is needed to notify them, as CSV. Contacts that came only from a lead form
 * are included (they are owed the notice like anyone) and flagged {@code lead_restricted}: their details may be used
 * for this notice and nothing else (P2). The controller records every download in the audit log.
 */
@Service
public class AffectedListExport {

    private final BreachRegister register;
    private final ContactDirectory contacts;

    AffectedListExport(BreachRegister register, ContactDirectory contacts) {
        this.register = register;
        this.contacts = contacts;
    }

    public void write(WorkspaceId workspace, UUID breach, OutputStream out) {
        var affected = register.affected(workspace, breach);
        var restricted = contacts.leadRestricted(workspace, affected.stream().map(AffectedPerson::contact).toList());
        try {
            var printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT);
            printer.printRecord(List.of("contact_id", "phone", "name", "email", "categories", "lead_restricted",
                    "notified_at", "notified_by"));
            for (var person : affected) {
                var found = contacts.find(workspace, person.contact());
                if (found.isEmpty()) {
                    // Erased since the breach was recorded: nothing of them is left to notify.
                    printer.printRecord(List.of(person.contact().toString(), "", "", "", String.join(";",
                            person.categories()), "", "erased", ""));
                    continue;
                }
                var contact = found.get();
                printer.printRecord(SpreadsheetCells.row(List.of(contact.id().toString(),
                        contact.phone() == null ? "" : contact.phone().e164(), orEmpty(contact.name()),
                        orEmpty(contact.email()), String.join(";", person.categories()),
                        restricted.contains(contact.id().value()),
                        person.notifiedAt() == null ? "" : person.notifiedAt().toString(),
                        orEmpty(person.channel()))));
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}

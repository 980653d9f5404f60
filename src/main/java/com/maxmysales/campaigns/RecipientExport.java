package com.maxmysales.campaigns;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.UUID;

import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.platform.SpreadsheetCells;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Service;

/**
 * A campaign's recipients as CSV, streamed page by page: who, how far the message got, why not. Contacts that only
 * a lead form brought are never exported (P2: they are the lead's follow-up, nothing else); the caller audits it.
 */
@Service
public class RecipientExport {

    private static final int PAGE = 500;

    private final Campaigns campaigns;
    private final RecipientRows recipients;
    private final ContactDirectory contacts;

    RecipientExport(Campaigns campaigns, RecipientRows recipients, ContactDirectory contacts) {
        this.campaigns = campaigns;
        this.recipients = recipients;
        this.contacts = contacts;
    }

    public void write(WorkspaceId workspace, UUID campaign, Writer out) throws IOException {
        campaigns.get(workspace, campaign);
        out.write(String.join(",", "contact_id", "phone", "name", "status", "exclusion", "error_code", "error",
                "queued_at", "sent_at", "delivered_at", "read_at", "replied_at", "failed_at", "opted_out_at") + "\r\n");
        long after = 0;
        while (true) {
            var page = recipients.page(workspace, campaign, null, after, PAGE);
            for (var row : page.subList(0, Math.min(PAGE, page.size()))) {
                after = row.seq();
                if (row.exclusion() == Exclusion.LEAD_RESTRICTED) {
                    continue;
                }
                var contact = contacts.get(workspace, new ContactId(row.contactId()));
                out.write(String.join(",", SpreadsheetCells.row(List.of(row.contactId().toString(),
                        contact.phone() == null ? "" : contact.phone().e164(), contact.name() == null ? "" : contact.name(),
                        row.status().code(), row.exclusion() == null ? "" : row.exclusion().code(),
                        row.errorCode() == null ? "" : row.errorCode().toString(),
                        row.errorDetail() == null ? "" : row.errorDetail(), text(row.queuedAt()), text(row.sentAt()),
                        text(row.deliveredAt()), text(row.readAt()), text(row.repliedAt()), text(row.failedAt()),
                        text(row.optedOutAt()))).stream().map(RecipientExport::quoted).toList()) + "\r\n");
            }
            if (page.size() <= PAGE) {
                return;
            }
        }
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    private static String text(java.time.Instant at) {
        return at == null ? "" : at.toString();
    }
}

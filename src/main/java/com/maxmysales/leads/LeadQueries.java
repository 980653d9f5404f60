package com.maxmysales.leads;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.maxmysales.messaging.MessageDeliveries;
import com.maxmysales.messaging.MessageStatus;
import com.maxmysales.platform.Cursor;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Service;

/**
 * Leads as the business reads them, with their follow-up's progress taken from the message itself, so it is
 * never behind what Meta reported. Callers audit every read (lead answers are personal data).
 */
@Service
public class LeadQueries {

    /** Meta: the number is not on WhatsApp (or cannot receive this message). */
    static final int NOT_REACHABLE = 131026;

    /** Optional filters: by source, form, campaign, and received time from (inclusive) to (exclusive). */
    public record Filter(UUID sourceId, String formId, String campaignId, Instant from, Instant to) {}

    private final LeadRows rows;
    private final LeadCipher cipher;
    private final MessageDeliveries deliveries;

    LeadQueries(LeadRows rows, LeadCipher cipher, MessageDeliveries deliveries) {
        this.rows = rows;
        this.cipher = cipher;
        this.deliveries = deliveries;
    }

    /** Newest first, without answers. */
    public CursorPage<Lead> page(WorkspaceId workspace, Filter filter, String cursor, Integer limit) {
        var size = CursorPage.limit(limit);
        var found = rows.page(workspace, filter, Cursor.decode(cursor), size + 1);
        var sent = deliveries.of(workspace, found.stream().map(LeadRows.Row::followUpMessageId).filter(Objects::nonNull).toList());
        return CursorPage.of(found, size, row -> new Cursor(row.receivedAt(), row.id()).encode())
                .map(row -> lead(row, null, sent));
    }

    /** One lead with its answers. */
    public Lead get(WorkspaceId workspace, UUID id) {
        var row = rows.find(workspace, id).orElseThrow(() -> Refusal.notFound("lead " + id));
        var sent = row.followUpMessageId() == null ? Map.<UUID, MessageDeliveries.Delivery>of()
                : deliveries.of(workspace, List.of(row.followUpMessageId()));
        return lead(row, cipher.open(workspace, row.answers()), sent);
    }

    /** The contact's latest leads with their answers, newest first: where the person came from. */
    public List<Lead> ofContact(WorkspaceId workspace, ContactId contact, int limit) {
        var found = rows.ofContact(workspace, contact, limit);
        var sent = deliveries.of(workspace, found.stream().map(LeadRows.Row::followUpMessageId).filter(Objects::nonNull).toList());
        return found.stream().map(row -> lead(row, cipher.open(workspace, row.answers()), sent)).toList();
    }

    private static Lead lead(LeadRows.Row row, Answers answers, Map<UUID, MessageDeliveries.Delivery> sent) {
        return new Lead(row.id(), row.sourceId(), row.sourceType(), row.externalId(), row.formId(), row.campaignId(),
                row.campaignName(), row.adId(), row.adgroupId(), row.test(), row.submittedAt(), row.receivedAt(),
                row.stage(), row.contactId() == null ? null : row.contactId().value(), answers,
                followUp(row, row.followUpMessageId() == null ? null : sent.get(row.followUpMessageId())));
    }

    private static Lead.FollowUp followUp(LeadRows.Row row, MessageDeliveries.Delivery delivery) {
        var status = row.followUp();
        var detail = row.followUpDetail();
        Integer errorCode = null;
        Instant sentAt = null;
        if (delivery != null) {
            errorCode = delivery.errorCode();
            sentAt = delivery.sentAt();
            status = delivery.status() == MessageStatus.PLAYED ? "read" : delivery.status().apiCode();
            if (delivery.status() == MessageStatus.FAILED && Objects.equals(errorCode, NOT_REACHABLE)) {
                status = "unreachable";
                detail = "WhatsApp cannot reach this number";
            }
        }
        return new Lead.FollowUp(status, row.followUpMessageId(), row.conversationId(), row.assigneeId(),
                row.followUpDueAt(), sentAt, errorCode, detail);
    }
}

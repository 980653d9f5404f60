package com.maxmysales.leads;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import com.maxmysales.messaging.MessageDeliveries;
import com.maxmysales.privacy.crypto.BlindIndex;
import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.PersonalDataHolder;
import com.maxmysales.privacy.spi.Purge;
import com.maxmysales.privacy.spi.PurgeCount;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Leads in data-principal requests and retention. A person's leads are found by their contacts and by the
 * keyed hashes of their phone and email (a test lead or an unreachable one never became a contact). Answers
 * are content: they go with the content window after the follow-up conversation ended (or after the lead
 * arrived, when there was none); the rest is traffic metadata.
 */
@Component
class LeadsPersonalData implements PersonalDataHolder {

    private static final int PURGE_BATCH = 1000;
    private static final String WHOSE = """
             workspace_id = :workspace and (contact_id in (:contacts) or phone_index in (:phones)
                                            or email_index in (:emails))
            """;
    private static final String WHOSE_ALIASED = """
             l.workspace_id = :workspace and (l.contact_id in (:contacts) or l.phone_index in (:phones)
                                              or l.email_index in (:emails))
            """;
    private static final String NOT_HELD = " and (contact_id is null or contact_id not in (:heldContacts))"
            + " and (conversation_id is null or conversation_id not in (:heldConversations))";

    private final JdbcClient jdbc;
    private final LeadCipher cipher;
    private final BlindIndex index;
    private final MessageDeliveries deliveries;

    LeadsPersonalData(JdbcClient jdbc, LeadCipher cipher, BlindIndex index, MessageDeliveries deliveries) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.index = index;
        this.deliveries = deliveries;
    }

    @Override
    public String category() {
        return "leads";
    }

    @Override
    public List<Map<String, Object>> export(WorkspaceId workspace, DataSubject subject) {
        var records = new ArrayList<Map<String, Object>>();
        var rows = jdbc.sql("select " + LeadRows.COLUMNS + LeadRows.FROM + "where" + WHOSE_ALIASED + " order by l.received_at")
                .params(parameters(workspace, subject))
                .query(LeadRows::row).list();
        for (var row : rows) {
            var record = new LinkedHashMap<String, Object>();
            record.put("id", row.id().toString());
            record.put("source", row.sourceType());
            record.put("formId", row.formId());
            record.put("campaignId", row.campaignId());
            record.put("campaignName", row.campaignName());
            record.put("submittedAt", row.submittedAt() == null ? null : row.submittedAt().toString());
            record.put("receivedAt", row.receivedAt().toString());
            record.put("answers", cipher.open(workspace, row.answers()));
            record.put("followUp", row.followUp());
            record.put("receivedFrom", "google".equals(row.sourceType()) ? "Google Ads lead form (Google LLC)"
                    : "Meta Lead Ads (Meta Platforms)");
            record.put("sharedWith", "nobody: used only to contact you about this enquiry");
            records.add(record);
        }
        return records;
    }

    @Override
    public int erase(WorkspaceId workspace, DataSubject subject) {
        return jdbc.sql("delete from leads where" + WHOSE).params(parameters(workspace, subject)).update();
    }

    @Override
    public PurgeCount purgeContent(Purge purge) {
        var workspace = purge.workspace();
        var due = " from leads where workspace_id = :workspace and answers is not null and received_at < :cutoff";
        var held = count("select count(*)" + due + " and not (true" + NOT_HELD + ")", purge);
        int purged = 0;
        UUID after = new UUID(0, 0);
        while (true) {
            var batch = jdbc.sql("select id, conversation_id" + due + NOT_HELD + " and id > :after order by id limit :batch")
                    .params(purgeParameters(purge)).param("after", after).param("batch", PURGE_BATCH)
                    .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list();
            if (batch.isEmpty()) {
                break;
            }
            after = batch.getLast()[0];
            // A lead whose follow-up conversation still runs (or ended inside the window) keeps its answers.
            var kept = deliveries.keptAt(workspace, batch.stream().map(pair -> pair[1]).filter(Objects::nonNull).toList(),
                    purge.cutoff());
            var ids = batch.stream().filter(pair -> pair[1] == null || !kept.contains(pair[1])).map(pair -> pair[0]).toList();
            if (!ids.isEmpty() && !purge.dryRun()) {
                jdbc.sql("update leads set answers = null where workspace_id = :workspace and id in (:ids)")
                        .param("workspace", workspace.value()).param("ids", ids).update();
            }
            purged += ids.size();
        }
        return new PurgeCount(purged, held);
    }

    @Override
    public PurgeCount purgeTrafficMetadata(Purge purge) {
        var due = " from leads where workspace_id = :workspace and received_at < :cutoff";
        var held = count("select count(*)" + due + " and not (true" + NOT_HELD + ")", purge);
        var purged = purge.dryRun() ? count("select count(*)" + due + NOT_HELD, purge)
                : jdbc.sql("delete" + due + NOT_HELD).params(purgeParameters(purge)).update();
        return new PurgeCount(purged, held);
    }

    private int count(String sql, Purge purge) {
        return jdbc.sql(sql).params(purgeParameters(purge)).query(Integer.class).single();
    }

    private static Map<String, Object> purgeParameters(Purge purge) {
        return Map.of("workspace", purge.workspace().value(), "cutoff", Timestamp.from(purge.cutoff()),
                "heldContacts", purge.holds().contactIds(), "heldConversations", purge.holds().conversationIds());
    }

    private Map<String, Object> parameters(WorkspaceId workspace, DataSubject subject) {
        var phones = new HashSet<byte[]>();
        subject.phones().forEach(phone -> phones.add(index.of(workspace, phone)));
        var emails = new HashSet<byte[]>();
        subject.emails().forEach(email -> emails.addAll(index.ofEverySpelling(workspace, email)));
        // Never-matching values keep "in (...)" valid SQL when the subject has none of a kind.
        var noId = List.of(new UUID(0, 0));
        var noHash = List.<Object>of(new byte[] {0});
        return Map.of("workspace", workspace.value(),
                "contacts", subject.contacts().isEmpty() ? noId : subject.contacts().stream().map(ContactId::value).toList(),
                "phones", phones.isEmpty() ? noHash : List.copyOf(phones),
                "emails", emails.isEmpty() ? noHash : List.copyOf(emails));
    }

    @Override
    public OptionalLong records(WorkspaceId workspace) {
        return OptionalLong.of(jdbc.sql("select count(*) from leads where workspace_id = :workspace")
                .param("workspace", workspace.value()).query(Long.class).single());
    }

    @Override
    public Optional<Set<ContactId>> contactsWithRecordsMadeBy(WorkspaceId workspace, Instant until) {
        return Optional.of(Set.copyOf(jdbc.sql("""
                select distinct contact_id from leads
                where workspace_id = :workspace and contact_id is not null and received_at <= :until""")
                .param("workspace", workspace.value()).param("until", Timestamp.from(until))
                .query((rs, n) -> new ContactId(rs.getObject(1, UUID.class))).list()));
    }
}

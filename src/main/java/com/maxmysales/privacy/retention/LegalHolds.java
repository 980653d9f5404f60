package com.maxmysales.privacy.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.privacy.spi.Actor;
import com.maxmysales.privacy.spi.ConversationSubjects;
import com.maxmysales.privacy.spi.Holds;
import com.maxmysales.privacy.spi.RequestActors;
import com.maxmysales.privacy.spi.SubjectResolver;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal holds (P4): a contact or a conversation named with a reason, skipped by every purge and refused to
 * erasure until someone releases it. Released holds stay listed, with who released them and when.
 */
@Service
public class LegalHolds {

    static final String REASON_FIELD = "legal_holds.reason";
    private static final Set<String> RECORD_TYPES = Set.of("contact", "conversation");

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final SubjectResolver subjects;
    private final ConversationSubjects conversations;
    private final RequestActors actors;
    private final AuditLog audit;
    private final Clock clock;

    LegalHolds(JdbcClient jdbc, FieldCipher cipher, SubjectResolver subjects, ConversationSubjects conversations,
            RequestActors actors, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.subjects = subjects;
        this.conversations = conversations;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public LegalHold place(WorkspaceId workspace, String recordType, UUID recordId, String reason) {
        if (recordType == null || !RECORD_TYPES.contains(recordType) || recordId == null) {
            throw invalid("recordType must be contact or conversation, with its recordId");
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw invalid("reason is required (at most 2000 characters): say why and under whose authority");
        }
        // A hold on an id this workspace does not have would hold nothing while looking like it holds something.
        if (recordType.equals("contact") && subjects.byContact(workspace, new ContactId(recordId)).isEmpty()) {
            throw Refusal.notFound("contact " + recordId);
        }
        if (recordType.equals("conversation") && conversations.contactsOf(workspace, Set.of(recordId)).isEmpty()) {
            throw Refusal.notFound("conversation " + recordId);
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into legal_holds (id, workspace_id, record_type, record_id, reason, placed_by, placed_at)
                values (:id, :workspace, :type, :record, :reason, :actor, :now)
                """)
                .param("id", id).param("workspace", workspace.value()).param("type", recordType).param("record", recordId)
                .param("reason", cipher.encrypt(workspace, REASON_FIELD, reason.strip())).param("actor", actor())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        audit.record(workspace, "privacy.legal-hold.place", recordType + "Id=" + recordId + ",holdId=" + id, null);
        return find(workspace, id);
    }

    @Transactional
    public void release(WorkspaceId workspace, UUID id) {
        var released = jdbc.sql("""
                update legal_holds set released_by = :actor, released_at = :now
                where workspace_id = :workspace and id = :id and released_at is null
                """)
                .param("actor", actor()).param("now", Timestamp.from(clock.instant()))
                .param("workspace", workspace.value()).param("id", id)
                .update();
        if (released == 0) {
            throw Refusal.notFound("active legal hold " + id);
        }
        audit.record(workspace, "privacy.legal-hold.release", "holdId=" + id, null);
    }

    public List<LegalHold> list(WorkspaceId workspace) {
        return jdbc.sql("""
                select id, workspace_id, record_type, record_id, reason, placed_by, placed_at, released_by, released_at
                from legal_holds where workspace_id = :workspace order by placed_at desc
                """)
                .param("workspace", workspace.value())
                .query(this::hold).list();
    }

    /** The holds in force, with their ids: what an erasure names when it refuses. */
    List<LegalHold> inForce(WorkspaceId workspace) {
        return jdbc.sql("""
                select id, workspace_id, record_type, record_id, reason, placed_by, placed_at, released_by, released_at
                from legal_holds where workspace_id = :workspace and released_at is null order by placed_at
                """)
                .param("workspace", workspace.value())
                .query(this::hold).list();
    }

    /** What a purge of the workspace must skip now. */
    public Holds active(WorkspaceId workspace) {
        var held = jdbc.sql("select record_type, record_id from legal_holds where workspace_id = :workspace and released_at is null")
                .param("workspace", workspace.value())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class))).list();
        var contacts = held.stream().filter(hold -> hold.getKey().equals("contact"))
                .map(hold -> new ContactId(hold.getValue())).collect(Collectors.toSet());
        var conversations = held.stream().filter(hold -> hold.getKey().equals("conversation"))
                .map(Map.Entry::getValue).collect(Collectors.toSet());
        return new Holds(contacts, conversations);
    }

    private LegalHold find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("""
                select id, workspace_id, record_type, record_id, reason, placed_by, placed_at, released_by, released_at
                from legal_holds where workspace_id = :workspace and id = :id
                """)
                .param("workspace", workspace.value()).param("id", id)
                .query(this::hold).single();
    }

    private LegalHold hold(ResultSet rs, int n) throws SQLException {
        var workspace = new WorkspaceId(rs.getObject("workspace_id", UUID.class));
        return new LegalHold(rs.getObject("id", UUID.class), rs.getString("record_type"),
                rs.getObject("record_id", UUID.class), cipher.decrypt(workspace, REASON_FIELD, rs.getBytes("reason")),
                rs.getString("placed_by"), rs.getTimestamp("placed_at").toInstant(), rs.getString("released_by"),
                instant(rs.getTimestamp("released_at")));
    }

    private String actor() {
        return actors.current().orElse(Actor.SYSTEM).id();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Refusal invalid(String detail) {
        return Refusal.invalid("invalid-legal-hold", "Invalid legal hold", detail);
    }
}

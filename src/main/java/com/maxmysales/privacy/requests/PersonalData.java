package com.maxmysales.privacy.requests;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.privacy.crypto.BlindIndex;
import com.maxmysales.privacy.retention.HeldSubjects;
import com.maxmysales.privacy.retention.LegalHold;
import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.PersonalDataHolder;
import com.maxmysales.privacy.spi.SubjectResolver;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reaches a person's data in every module through {@link PersonalDataHolder}: an export of all of it, or
 * its erasure everywhere in one transaction, leaving only tombstones (keyed hashes) of their numbers and
 * emails in the erasing workspace, so that this business cannot add them back.
 */
@NamedInterface("requests")
@Service
public class PersonalData {

    private final List<PersonalDataHolder> holders;
    private final SubjectResolver subjects;
    private final BlindIndex index;
    private final HeldSubjects held;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    PersonalData(List<PersonalDataHolder> holders, SubjectResolver subjects, BlindIndex index, HeldSubjects held,
            AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.holders = holders.stream().sorted(Comparator.comparingInt(PersonalDataHolder::erasureOrder)).toList();
        this.subjects = subjects;
        this.index = index;
        this.held = held;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return records erased per category */
    @Transactional
    public Map<String, Integer> eraseContact(WorkspaceId workspace, ContactId contact) {
        var subject = subjects.byContact(workspace, contact).orElseThrow(() -> Refusal.notFound("contact " + contact));
        return erase(workspace, subject);
    }

    /**
     * Erases all of it or nothing: a hold on one of the subject's contacts, or on a conversation with them,
     * refuses the whole erasure before anything is deleted.
     *
     * @throws Refusal {@code CONFLICT legal-hold} naming the holds in force, in {@code holds}
     */
    @Transactional
    public Map<String, Integer> erase(WorkspaceId workspace, DataSubject subject) {
        var holds = held.blocking(workspace, subject);
        if (!holds.isEmpty()) {
            throw underHold(holds);
        }
        var erased = new LinkedHashMap<String, Integer>();
        for (var holder : holders) {
            erased.merge(holder.category(), holder.erase(workspace, subject), Integer::sum);
        }
        subject.phones().forEach(phone -> tombstone(workspace, "phone", index.tombstone(phone)));
        subject.emails().forEach(email -> tombstone(workspace, "email", index.tombstone(email)));
        audit.record(workspace, "privacy.erasure", subject.contacts().stream().map(id -> "contactId=" + id)
                .sorted().collect(Collectors.joining(",")), erased.entrySet().stream()
                .map(entry -> entry.getKey().replace(' ', '-') + "=" + entry.getValue()).collect(Collectors.joining(",")));
        return erased;
    }

    public Map<String, List<Map<String, Object>>> export(WorkspaceId workspace, DataSubject subject) {
        var export = new LinkedHashMap<String, List<Map<String, Object>>>();
        holders.forEach(holder -> export.put(holder.category(), holder.export(workspace, subject)));
        return export;
    }

    /**
     * Whether a phone or an email belongs to a person this workspace erased. Another workspace's erasure does
     * not count: a business decides only about its own customers.
     */
    public boolean wasErased(WorkspaceId workspace, @Nullable PhoneNumber phone, @Nullable EmailAddress email) {
        return phone != null && !erasedPhones(workspace, List.of(phone)).isEmpty()
                || email != null && !erasedEmails(workspace, List.of(email)).isEmpty();
    }

    /** Which of these numbers belong to people this workspace erased: one query for a batch of an import. */
    public Set<PhoneNumber> erasedPhones(WorkspaceId workspace, Collection<PhoneNumber> phones) {
        return erasedAmong(workspace, phones.stream().distinct().collect(Collectors.toMap(
                phone -> ByteBuffer.wrap(index.tombstone(phone)), phone -> phone)));
    }

    /** Which of these emails belong to people this workspace erased: one query for a batch of an import. */
    public Set<EmailAddress> erasedEmails(WorkspaceId workspace, Collection<EmailAddress> emails) {
        var byHash = new HashMap<ByteBuffer, EmailAddress>();
        emails.forEach(email -> index.tombstonesOfEverySpelling(email).forEach(hash -> byHash.put(ByteBuffer.wrap(hash), email)));
        return erasedAmong(workspace, byHash);
    }

    private <T> Set<T> erasedAmong(WorkspaceId workspace, Map<ByteBuffer, T> byHash) {
        if (byHash.isEmpty()) {
            return Set.of();
        }
        var erased = new HashSet<T>();
        jdbc.sql("""
                select hash from erasure_tombstones
                where workspace_id = :workspace and hash = any(cast(:hashes as bytea[]))
                """)
                .param("workspace", workspace.value())
                .param("hashes", byHash.keySet().stream().map(ByteBuffer::array).toArray(byte[][]::new))
                .query(byte[].class).list()
                .forEach(hash -> erased.add(byHash.get(ByteBuffer.wrap(hash))));
        return erased;
    }

    private static Refusal underHold(List<LegalHold> holds) {
        var first = holds.getFirst();
        return Refusal.conflict("legal-hold", "Under legal hold",
                first.recordType() + " " + first.recordId() + " is under legal hold " + first.id()
                        + (holds.size() > 1 ? " (and " + (holds.size() - 1) + " more)" : "")
                        + "; nothing was erased. Release the hold before erasing.",
                Map.of("holds", holds.stream().map(hold -> Map.of("id", hold.id(), "recordType", hold.recordType(),
                        "recordId", hold.recordId())).toList()));
    }

    private void tombstone(WorkspaceId workspace, String kind, byte[] hash) {
        jdbc.sql("""
                insert into erasure_tombstones (workspace_id, hash, kind, erased_at) values (:workspace, :hash, :kind, :now)
                on conflict do nothing
                """)
                .param("workspace", workspace.value()).param("hash", hash).param("kind", kind)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}

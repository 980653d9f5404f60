package com.maxmysales.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.maxmysales.platform.ApiProblem;
import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.PersonalDataHolder;
import com.maxmysales.privacy.spi.SubjectResolver;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reaches a person's data in every module through {@link PersonalDataHolder}: an export of all of it, or
 * its erasure everywhere in one transaction, leaving only tombstones (keyed hashes) of their numbers and
 * emails.
 */
@Service
public class PersonalData {

    private final List<PersonalDataHolder> holders;
    private final SubjectResolver subjects;
    private final BlindIndex index;
    private final LegalHolds legalHolds;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    PersonalData(List<PersonalDataHolder> holders, SubjectResolver subjects, BlindIndex index, LegalHolds legalHolds,
            AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.holders = holders.stream().sorted(Comparator.comparingInt(PersonalDataHolder::erasureOrder)).toList();
        this.subjects = subjects;
        this.index = index;
        this.legalHolds = legalHolds;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return records erased per category */
    @Transactional
    public Map<String, Integer> eraseContact(WorkspaceId workspace, ContactId contact) {
        var subject = subjects.byContact(workspace, contact).orElseThrow(() -> ApiProblem.notFound("contact " + contact));
        return erase(workspace, subject);
    }

    /** @throws ApiProblem 409 {@code legal-hold} if one of the subject's contacts is under a legal hold */
    @Transactional
    public Map<String, Integer> erase(WorkspaceId workspace, DataSubject subject) {
        var held = legalHolds.active(workspace).contacts().stream().filter(subject.contacts()::contains).toList();
        if (!held.isEmpty()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "legal-hold", "Under legal hold",
                    "contact " + held.getFirst() + " is under a legal hold; release it before erasing");
        }
        var erased = new LinkedHashMap<String, Integer>();
        for (var holder : holders) {
            erased.merge(holder.category(), holder.erase(workspace, subject), Integer::sum);
        }
        subject.phones().forEach(phone -> tombstone("phone", phone.e164()));
        subject.emails().forEach(email -> tombstone("email", email));
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

    /** Whether a phone (E.164) or email (lower case) belongs to a person who was erased. */
    public boolean wasErased(String kind, String normalizedValue) {
        return jdbc.sql("select exists (select 1 from erasure_tombstones where hash = :hash)")
                .param("hash", index.tombstone(kind, normalizedValue))
                .query(Boolean.class).single();
    }

    /** Which of these phones (E.164) or emails (lower case) belong to erased people: one query for a batch of an import. */
    public java.util.Set<String> erasedAmong(String kind, java.util.Collection<String> normalizedValues) {
        if (normalizedValues.isEmpty()) {
            return java.util.Set.of();
        }
        var byHash = new java.util.HashMap<java.nio.ByteBuffer, String>();
        normalizedValues.forEach(value -> byHash.put(java.nio.ByteBuffer.wrap(index.tombstone(kind, value)), value));
        var erased = new java.util.HashSet<String>();
        jdbc.sql("select hash from erasure_tombstones where hash = any(cast(:hashes as bytea[]))")
                .param("hashes", byHash.keySet().stream().map(java.nio.ByteBuffer::array).toArray(byte[][]::new))
                .query(byte[].class).list()
                .forEach(hash -> erased.add(byHash.get(java.nio.ByteBuffer.wrap(hash))));
        return erased;
    }

    private void tombstone(String kind, String value) {
        jdbc.sql("insert into erasure_tombstones (hash, kind, erased_at) values (:hash, :kind, :now) on conflict do nothing")
                .param("hash", index.tombstone(kind, value)).param("kind", kind)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}

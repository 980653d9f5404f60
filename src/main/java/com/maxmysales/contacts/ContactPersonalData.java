package com.maxmysales.contacts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import com.maxmysales.privacy.crypto.BlindIndex.Identifier;
import com.maxmysales.privacy.crypto.BlindIndex;
import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.PersonalDataHolder;
import com.maxmysales.privacy.spi.SubjectResolver;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Contact records in data-principal requests: who a number or email is, their export, their erasure. */
@Component
class ContactPersonalData implements PersonalDataHolder, SubjectResolver {

    private final ContactRows rows;
    private final ContactDirectory directory;
    private final BlindIndex index;
    private final JdbcClient jdbc;

    ContactPersonalData(ContactRows rows, ContactDirectory directory, BlindIndex index, JdbcClient jdbc) {
        this.rows = rows;
        this.directory = directory;
        this.index = index;
        this.jdbc = jdbc;
    }

    @Override
    public String category() {
        return "contacts";
    }

    @Override
    public int erasureOrder() {
        return CONTACT_RECORDS;
    }

    @Override
    public DataSubject byPhoneOrEmail(WorkspaceId workspace, @Nullable PhoneNumber phone, @Nullable EmailAddress email) {
        var ids = rows.findByPhoneOrEmail(workspace, phone == null ? null : index.of(workspace, phone),
                phone == null ? null : index.of(workspace, Identifier.WHATSAPP_ID, phone.digits()),
                email == null ? List.of() : index.ofEverySpelling(workspace, email));
        var subject = subjectOf(workspace, ids.stream().map(ContactId::new).toList());
        var phones = new HashSet<>(subject.phones());
        var emails = new HashSet<>(subject.emails());
        Optional.ofNullable(phone).ifPresent(phones::add);
        Optional.ofNullable(email).ifPresent(emails::add);
        return new DataSubject(subject.contacts(), phones, emails);
    }

    @Override
    public Optional<DataSubject> byContact(WorkspaceId workspace, ContactId contact) {
        return rows.find(workspace, contact).map(row -> subjectOf(workspace, List.of(contact)));
    }

    @Override
    public List<Map<String, Object>> export(WorkspaceId workspace, DataSubject subject) {
        var records = new ArrayList<Map<String, Object>>();
        for (var id : subject.contacts()) {
            var contact = directory.get(workspace, id);
            var record = new LinkedHashMap<String, Object>();
            record.put("id", id.toString());
            record.put("phone", contact.phone() == null ? null : contact.phone().e164());
            record.put("whatsAppId", contact.whatsAppId());
            record.put("whatsAppUserId", contact.whatsAppUserId());
            record.put("name", contact.name());
            record.put("whatsAppName", contact.whatsAppName());
            record.put("email", contact.email());
            record.put("createdAt", contact.createdAt().toString());
            records.add(record);
        }
        return records;
    }

    @Override
    public int erase(WorkspaceId workspace, DataSubject subject) {
        return rows.delete(workspace, subject.contacts().stream().map(ContactId::value).toList());
    }

    private DataSubject subjectOf(WorkspaceId workspace, List<ContactId> contacts) {
        Set<PhoneNumber> phones = new HashSet<>();
        Set<EmailAddress> emails = new HashSet<>();
        for (var id : contacts) {
            var contact = directory.get(workspace, id);
            Optional.ofNullable(contact.phone()).ifPresent(phones::add);
            Optional.ofNullable(contact.whatsAppId()).map(PhoneNumber::fromWhatsAppId).ifPresent(phones::add);
            EmailAddress.parse(contact.email()).ifPresent(emails::add);
        }
        return new DataSubject(Set.copyOf(contacts), phones, emails);
    }

    @Override
    public OptionalLong records(WorkspaceId workspace) {
        return OptionalLong.of(jdbc.sql("select count(*) from contacts where workspace_id = :workspace")
                .param("workspace", workspace.value()).query(Long.class).single());
    }

    @Override
    public Optional<Set<ContactId>> contactsWithRecordsMadeBy(WorkspaceId workspace, Instant until) {
        return Optional.of(Set.copyOf(jdbc.sql("""
                select distinct id from contacts
                where workspace_id = :workspace and created_at <= :until""")
                .param("workspace", workspace.value()).param("until", Timestamp.from(until))
                .query((rs, n) -> new ContactId(rs.getObject(1, UUID.class))).list()));
    }
}

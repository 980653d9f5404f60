package com.maxmysales.contacts;

import java.sql.Timestamp;
import java.time.Clock;

import com.maxmysales.privacy.crypto.BlindIndex;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.SubjectCorrection;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A data principal's correction of their name or email (P6), encrypted and re-indexed like any contact value. */
@Component
class ContactCorrections implements SubjectCorrection {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final Clock clock;

    ContactCorrections(JdbcClient jdbc, FieldCipher cipher, BlindIndex index, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.index = index;
        this.clock = clock;
    }

    @Override
    public int correct(WorkspaceId workspace, DataSubject subject, @Nullable String name, @Nullable EmailAddress email) {
        int corrected = 0;
        for (var contact : subject.contacts().stream().map(ContactId::value).toList()) {
            corrected += jdbc.sql("""
                    update contacts set name = coalesce(:name, name), email = coalesce(:email, email),
                           email_index = coalesce(:emailIndex, email_index), updated_at = :now
                    where workspace_id = :workspace and id = :id
                    """)
                    .param("name", name == null ? null : cipher.encrypt(workspace, "contacts.name", name.strip()))
                    .param("email", email == null ? null : cipher.encrypt(workspace, "contacts.email", email.value()))
                    .param("emailIndex", email == null ? null : index.of(workspace, email))
                    .param("now", Timestamp.from(clock.instant()))
                    .param("workspace", workspace.value()).param("id", contact)
                    .update();
        }
        return corrected;
    }
}

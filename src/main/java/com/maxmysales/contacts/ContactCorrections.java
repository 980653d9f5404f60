package com.maxmysales.contacts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;

import com.maxmysales.privacy.BlindIndex;
import com.maxmysales.privacy.FieldCipher;
import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.SubjectCorrection;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

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
    public int correct(WorkspaceId workspace, DataSubject subject, String name, String email) {
        var address = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        int corrected = 0;
        for (var contact : subject.contacts().stream().map(ContactId::value).toList()) {
            corrected += jdbc.sql("""
                    update contacts set name = coalesce(:name, name), email = coalesce(:email, email),
                           email_index = coalesce(:emailIndex, email_index), updated_at = :now
                    where workspace_id = :workspace and id = :id
                    """)
                    .param("name", name == null ? null : cipher.encrypt(workspace, "contacts.name", name.strip()))
                    .param("email", address == null ? null : cipher.encrypt(workspace, "contacts.email", address))
                    .param("emailIndex", address == null ? null : index.of(workspace, "email", address))
                    .param("now", Timestamp.from(clock.instant()))
                    .param("workspace", workspace.value()).param("id", contact)
                    .update();
        }
        return corrected;
    }
}

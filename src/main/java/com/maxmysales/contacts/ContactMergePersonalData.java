package com.maxmysales.contacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.maxmysales.privacy.crypto.BlindIndex;
import com.maxmysales.privacy.crypto.BlindIndex.Identifier;
import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.PersonalDataHolder;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Component;

/**
 * The copies of merged contacts kept for an undo hold the person too: an access request shows them, an erasure
 * deletes them (and with them the undo), whichever contact or identity the request names.
 */
@Component
class ContactMergePersonalData implements PersonalDataHolder {

    private final ContactMergeRows rows;
    private final ContactDirectory directory;
    private final BlindIndex index;

    ContactMergePersonalData(ContactMergeRows rows, ContactDirectory directory, BlindIndex index) {
        this.rows = rows;
        this.directory = directory;
        this.index = index;
    }

    @Override
    public String category() {
        return "contactMerges";
    }

    @Override
    public int erasureOrder() {
        // Before the contacts: the survivor's deletion would take its merges with it, unseen by the count.
        return CONTACT_RECORDS - 1;
    }

    @Override
    public List<Map<String, Object>> export(WorkspaceId workspace, DataSubject subject) {
        var records = new ArrayList<Map<String, Object>>();
        for (var copy : copies(workspace, subject)) {
            var record = new LinkedHashMap<String, Object>();
            record.put("mergeId", copy.merge().id().toString());
            record.put("mergedContactId", copy.merge().absorbed().toString());
            record.put("survivorContactId", copy.merge().survivor().toString());
            record.put("mergedAt", copy.merge().mergedAt().toString());
            record.put("undoUntil", copy.merge().undoUntil().toString());
            record.put("phone", directory.decrypt(workspace, ContactDirectory.PHONE, copy.phone()));
            record.put("whatsAppId", directory.decrypt(workspace, ContactDirectory.WA_ID, copy.waId()));
            record.put("name", directory.decrypt(workspace, "name", copy.name()));
            record.put("email", directory.decrypt(workspace, ContactDirectory.EMAIL, copy.email()));
            records.add(record);
        }
        return records;
    }

    @Override
    public int erase(WorkspaceId workspace, DataSubject subject) {
        var ids = copies(workspace, subject).stream().map(copy -> copy.merge().id()).toList();
        ids.forEach(id -> rows.delete(workspace, id));
        return ids.size();
    }

    private List<ContactMergeRows.Copy> copies(WorkspaceId workspace, DataSubject subject) {
        var phones = subject.phones().stream().map(phone -> index.of(workspace, phone)).toList();
        var waIds = subject.phones().stream().map(phone -> index.of(workspace, Identifier.WHATSAPP_ID, phone.digits())).toList();
        var emails = subject.emails().stream().flatMap(email -> index.ofEverySpelling(workspace, email).stream()).toList();
        return rows.copiesOf(workspace, subject.contacts().stream().map(ContactId::value).toList(), phones, waIds, emails);
    }
}

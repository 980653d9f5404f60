package com.maxmysales.privacy.retention;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.maxmysales.privacy.spi.ConversationSubjects;
import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.SubjectResolver;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Component;

/**
 * Who legal holds keep: a held contact, and the person a held conversation is with. Erasure asks before it
 * deletes anything; the purge asks which people's raw webhook events to keep.
 */
@Component
public class HeldSubjects {

    private final LegalHolds holds;
    private final ConversationSubjects conversations;
    private final SubjectResolver subjects;

    HeldSubjects(LegalHolds holds, ConversationSubjects conversations, SubjectResolver subjects) {
        this.holds = holds;
        this.conversations = conversations;
        this.subjects = subjects;
    }

    /** The holds in force on the subject's contacts or on conversations with them; empty: they may be erased. */
    public List<LegalHold> blocking(WorkspaceId workspace, DataSubject subject) {
        var inForce = holds.inForce(workspace);
        if (inForce.isEmpty() || subject.contacts().isEmpty()) {
            return List.of();
        }
        var contactsOfConversations = conversations.contactsOf(workspace, recordIds(inForce, "conversation"));
        return inForce.stream().filter(hold -> {
            // A conversation that is gone (or never was this workspace's) holds nobody: it must not block anyone.
            var held = hold.recordType().equals("contact") ? new ContactId(hold.recordId())
                    : contactsOfConversations.get(hold.recordId());
            return held != null && subject.contacts().contains(held);
        }).toList();
    }

    /** Per workspace, the phone numbers of the people its holds keep. */
    Map<WorkspaceId, Set<PhoneNumber>> heldPeople(List<WorkspaceId> workspaces) {
        var people = new HashMap<WorkspaceId, Set<PhoneNumber>>();
        for (var workspace : workspaces) {
            var inForce = holds.inForce(workspace);
            if (inForce.isEmpty()) {
                continue;
            }
            var contacts = new HashSet<ContactId>();
            recordIds(inForce, "contact").forEach(id -> contacts.add(new ContactId(id)));
            contacts.addAll(conversations.contactsOf(workspace, recordIds(inForce, "conversation")).values());
            var phones = new HashSet<PhoneNumber>();
            contacts.forEach(contact -> subjects.byContact(workspace, contact).ifPresent(person -> phones.addAll(person.phones())));
            if (!phones.isEmpty()) {
                people.put(workspace, phones);
            }
        }
        return people;
    }

    private static Set<UUID> recordIds(List<LegalHold> holds, String recordType) {
        var ids = new HashSet<UUID>();
        holds.stream().filter(hold -> hold.recordType().equals(recordType)).forEach(hold -> ids.add(hold.recordId()));
        return ids;
    }
}

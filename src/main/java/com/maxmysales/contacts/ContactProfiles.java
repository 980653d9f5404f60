package com.maxmysales.contacts;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.crypto.BlindIndex;
import com.maxmysales.privacy.requests.PersonalData;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contacts as the business creates and edits them. A number is stored in E.164 whatever way it was typed,
 * and one contact per number: creating a number that exists is a conflict, saving it in bulk updates it.
 * Business-supplied data never brings back a person who was erased (P6).
 */
@Service
public class ContactProfiles {

    private final ContactDirectory directory;
    private final ContactRows rows;
    private final ContactTags tags;
    private final AttributeDefinitions definitions;
    private final PhoneNumbers phones;
    private final PersonalData personalData;
    private final BlindIndex index;
    private final JsonMapper json;
    private final Clock clock;

    ContactProfiles(ContactDirectory directory, ContactRows rows, ContactTags tags, AttributeDefinitions definitions,
            PhoneNumbers phones, PersonalData personalData, BlindIndex index, JsonMapper json, Clock clock) {
        this.directory = directory;
        this.rows = rows;
        this.tags = tags;
        this.definitions = definitions;
        this.phones = phones;
        this.personalData = personalData;
        this.index = index;
        this.json = json;
        this.clock = clock;
    }

    public record Saved(ContactId id, boolean created) {}

    /** @param updateExisting save into the contact that has this number already (bulk), instead of refusing */
    @Transactional
    public Saved save(WorkspaceId workspace, ContactDraft draft, boolean updateExisting) {
        var phone = phones.normalize(workspace, draft.phone()).orElseThrow(() -> Refusal.invalid(
                "invalid-phone-number", "Invalid phone number",
                "phone must be a phone number, with its country code or in the workspace's region"));
        var email = email(draft.email());
        refuseErased(workspace, phone, email);
        var existing = directory.findByPhone(workspace, phone);
        if (existing.isPresent() && !updateExisting) {
            throw Refusal.conflict("contact-exists", "Contact exists",
                    "a contact with this phone number exists", Map.of("contactId", existing.get().toString()));
        }
        var id = existing.orElseGet(() -> directory.findOrCreate(workspace, phone));
        var name = draft.name() == null || draft.name().isBlank() ? null : draft.name();
        apply(workspace, id, new ContactPatch(null, name, email == null ? null : email.value(), draft.attributes(), null));
        tags.add(workspace, List.of(id.value()), ContactTags.normalize(draft.tags()));
        return new Saved(id, existing.isEmpty());
    }

    @Transactional
    public Contact update(WorkspaceId workspace, ContactId id, ContactPatch patch) {
        directory.get(workspace, id);
        apply(workspace, id, patch);
        if (patch.tags() != null) {
            tags.replace(workspace, id.value(), ContactTags.normalize(patch.tags()));
        }
        return directory.get(workspace, id);
    }

    @Transactional
    public void tag(WorkspaceId workspace, List<ContactId> contacts, List<String> add, List<String> remove) {
        var ids = contacts.stream().map(ContactId::value).toList();
        tags.add(workspace, ids, ContactTags.normalize(add == null ? List.of() : add));
        tags.remove(workspace, ids, ContactTags.normalize(remove == null ? List.of() : remove));
    }

    private void apply(WorkspaceId workspace, ContactId id, ContactPatch patch) {
        PhoneNumber phone = null;
        if (patch.phone() != null) {
            phone = phones.normalize(workspace, patch.phone()).orElseThrow(() -> Refusal.invalid(
                    "invalid-phone-number", "Invalid phone number", "phone must be a phone number"));
            var holder = directory.findByPhone(workspace, phone);
            if (holder.isPresent() && !holder.get().equals(id)) {
                throw Refusal.conflict("contact-exists", "Contact exists",
                        "another contact has this phone number", Map.of("contactId", holder.get().toString()));
            }
        }
        var email = patch.email() == null || patch.email().isBlank() ? null : email(patch.email());
        byte[] attributes = null;
        if (patch.attributes() != null && !patch.attributes().isEmpty()) {
            var merged = new LinkedHashMap<>(directory.get(workspace, id).attributes());
            AttributeDefinitions.typed(definitions.all(workspace), patch.attributes()).forEach((key, value) -> {
                if (value == null) {
                    merged.remove(key);
                } else {
                    merged.put(key, value);
                }
            });
            attributes = directory.encrypt(workspace, ContactDirectory.ATTRIBUTES, json.writeValueAsString(merged));
        }
        rows.updateProfile(workspace, id.value(), new ContactRows.Profile(
                directory.encrypt(workspace, ContactDirectory.PHONE, phone == null ? null : phone.e164()),
                phone == null ? null : index.of(workspace, phone),
                directory.encrypt(workspace, "name", patch.name() == null || patch.name().isBlank() ? null : patch.name().strip()),
                directory.encrypt(workspace, ContactDirectory.EMAIL, email == null ? null : email.value()),
                email == null ? null : index.of(workspace, email), attributes,
                patch.name() != null && patch.name().isBlank(), patch.email() != null && patch.email().isBlank()),
                clock.instant());
    }

    private void refuseErased(WorkspaceId workspace, PhoneNumber phone, @Nullable EmailAddress email) {
        if (personalData.wasErased(workspace, phone, email)) {
            throw Refusal.conflict("erased-person", "Erased person",
                    "this person asked this business to erase them; their data cannot be added again here");
        }
    }

    /** The address given, none for none (null or blank); refused when it is not an address. */
    private static @Nullable EmailAddress email(@Nullable String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        return EmailAddress.parse(written).orElseThrow(() -> Refusal.invalid("invalid-email",
                "Invalid email", "email is not an email address"));
    }
}

package com.maxmysales.contacts.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.contacts.ConsentChange;
import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.contacts.ConsentRecord;
import com.maxmysales.contacts.ConsentSource;
import com.maxmysales.contacts.ConsentStatus;
import com.maxmysales.contacts.Contact;
import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.contacts.ContactDraft;
import com.maxmysales.contacts.ContactPatch;
import com.maxmysales.contacts.ContactProfiles;
import com.maxmysales.contacts.Evidence;
import com.maxmysales.contacts.PhoneNumbers;
import com.maxmysales.contacts.Purpose;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.platform.Refusal;
import com.maxmysales.platform.api.Problems;
import com.maxmysales.privacy.requests.PersonalData;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RequiresPermission(Permission.CONTACTS_EDIT)
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts", description = "The people the workspace talks to, and their consent per purpose")
class ContactController {

    static final int MAX_BULK = 1000;

    private final ContactDirectory contacts;
    private final ContactProfiles profiles;
    private final ConsentLedger consent;
    private final PhoneNumbers phones;
    private final PersonalData personalData;
    private final ContactBodies bodies;

    ContactController(ContactDirectory contacts, ContactProfiles profiles, ConsentLedger consent, PhoneNumbers phones,
            PersonalData personalData, ContactBodies bodies) {
        this.bodies = bodies;
        this.contacts = contacts;
        this.profiles = profiles;
        this.consent = consent;
        this.phones = phones;
        this.personalData = personalData;
    }

    /** {@code name} is the business's for the contact; {@code whatsAppName} the one the customer gives themselves. */
    record ContactBody(UUID id, String phone, String whatsAppId, String name, String whatsAppName, String email,
            boolean optedOut, List<String> tags, Map<String, Object> attributes, Instant lastInboundAt, Instant createdAt) {
        static ContactBody of(Contact contact, boolean optedOut) {
            return new ContactBody(contact.id().value(), contact.phone() == null ? null : contact.phone().e164(),
                    contact.whatsAppId(), contact.name(), contact.whatsAppName(), contact.email(), optedOut, contact.tags(),
                    contact.attributes(), contact.lastInboundAt(), contact.createdAt());
        }
    }

    /** A grant given with a new contact: how the business obtained it, in its words. */
    record ConsentGrant(String purpose, String source, String basis, String noticeVersion) {}

    record NewContact(String phone, String name, String email, Map<String, Object> attributes, List<String> tags,
            ConsentGrant consent) {}

    record Bulk(List<NewContact> contacts) {}

    record BulkResult(int index, UUID id, Boolean created, String error) {}

    record Tagging(List<UUID> contactIds, List<String> add, List<String> remove) {}

    record ConsentBody(String purpose, String status, String source, Instant occurredAt, Instant recordedAt,
            String noticeVersion, Evidence evidence) {
        static ConsentBody of(ConsentRecord record) {
            return new ConsentBody(record.purpose().code(), record.status().code(), record.source().code(),
                    record.occurredAt(), record.recordedAt(), record.noticeVersion(), record.evidence());
        }
    }

    record Consents(Map<String, ConsentBody> current, List<ConsentBody> history) {}

    record ConsentEntry(String purpose, String status, String source, String noticeVersion, String basis) {}

    @RequiresPermission(Permission.CONTACTS_READ)
    @GetMapping
    @PersonalDataRead("contact.search")
    @Operation(summary = "Contacts, newest first; filtered by phone (any notation, read in the workspace's region), email or tag")
    CursorPage<ContactBody> list(WorkspaceId workspace, @RequestParam(required = false) String phone,
            @RequestParam(required = false) String email, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        if (phone != null) {
            var number = phones.normalize(workspace, phone).or(() -> PhoneNumber.exactly(phone)).orElseThrow(() -> Refusal.invalid(
                    "invalid-phone-number", "Invalid phone number", "phone must be a phone number, such as +919812345678"));
            return one(workspace, contacts.findByPhone(workspace, number).orElse(null));
        }
        if (email != null) {
            return one(workspace, EmailAddress.parse(email).flatMap(address -> contacts.findByEmail(workspace, address))
                    .orElse(null));
        }
        return bodies.of(workspace, contacts.page(workspace, tag, cursor, limit));
    }

    @PostMapping
    @Operation(summary = "Create a contact, optionally with a consent grant", description = "409 contact-exists when "
            + "the number has a contact already (its id is in the problem); 409 erased-person for a person this workspace erased.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the contact")
    @ApiResponse(responseCode = "400", description = "`invalid-phone-number`, `invalid-email`, `invalid-consent`")
    @ApiResponse(responseCode = "409", description = "`contact-exists` (with contactId), `erased-person`")
    ResponseEntity<ContactBody> create(WorkspaceId workspace, @RequestBody NewContact body) {
        var saved = save(workspace, body, false);
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + saved.id())).body(body(workspace, saved.id()));
    }

    @PostMapping("/bulk")
    @Operation(summary = "Create or update up to 1000 contacts; each item succeeds or fails on its own")
    List<BulkResult> bulk(WorkspaceId workspace, @RequestBody Bulk body) {
        if (body.contacts() == null || body.contacts().size() > MAX_BULK) {
            throw Refusal.invalid("invalid-request", "Invalid request",
                    "contacts must be a list of at most " + MAX_BULK);
        }
        var results = new ArrayList<BulkResult>();
        for (int i = 0; i < body.contacts().size(); i++) {
            if (body.contacts().get(i) == null) {
                results.add(new BulkResult(i, null, null, "invalid-request: the entry is empty"));
                continue;
            }
            try {
                var saved = save(workspace, body.contacts().get(i), true);
                results.add(new BulkResult(i, saved.id().value(), saved.created(), null));
            } catch (Refusal refusal) {
                results.add(new BulkResult(i, null, null, Problems.type(refusal.code()) + ": " + refusal.detail()));
            }
        }
        return results;
    }

    @PostMapping("/tags")
    @Operation(summary = "Add and remove tags on many contacts at once")
    @ApiResponse(responseCode = "204", description = "Tagged")
    ResponseEntity<Void> tag(WorkspaceId workspace, @RequestBody Tagging body) {
        if (body.contactIds() == null || body.contactIds().contains(null)) {
            throw Refusal.invalid("invalid-request", "Invalid request",
                    "contactIds is required, a list of contact ids");
        }
        profiles.tag(workspace, body.contactIds().stream().map(ContactId::new).toList(), body.add(), body.remove());
        return ResponseEntity.noContent().build();
    }

    @RequiresPermission(Permission.CONTACTS_READ)
    @GetMapping("/{contactId}")
    @PersonalDataRead("contact.read")
    @Operation(summary = "One contact")
    ContactBody get(WorkspaceId workspace, @PathVariable UUID contactId) {
        return body(workspace, new ContactId(contactId));
    }

    @PatchMapping("/{contactId}")
    @Operation(summary = "Change a contact", description = "Fields left out stay; \"\" clears name or email; an "
            + "attribute set to null is removed; tags, when given, replace the contact's tags.")
    ContactBody update(WorkspaceId workspace, @PathVariable UUID contactId, @RequestBody ContactPatch patch) {
        profiles.update(workspace, new ContactId(contactId), patch);
        return body(workspace, new ContactId(contactId));
    }

    @RequiresPermission(Permission.CONTACTS_ERASE)
    @DeleteMapping("/{contactId}")
    @Operation(summary = "Erase a contact and everything held about them: messages, conversations, consents, raw webhook events",
            description = "Only a keyed hash of their number and email remains, so an old import cannot re-add them.")
    @ApiResponse(responseCode = "204", description = "Erased")
    ResponseEntity<Void> erase(WorkspaceId workspace, @PathVariable UUID contactId) {
        personalData.eraseContact(workspace, new ContactId(contactId));
        return ResponseEntity.noContent().build();
    }

    @PersonalDataRead("contact.consents")
    @RequiresPermission(Permission.CONTACTS_READ)
    @GetMapping("/{contactId}/consents")
    @Operation(summary = "The contact's consent per purpose now, and the full history with evidence")
    Consents consents(WorkspaceId workspace, @PathVariable UUID contactId) {
        var contact = new ContactId(contactId);
        contacts.get(workspace, contact);
        var current = new java.util.LinkedHashMap<String, ConsentBody>();
        consent.current(workspace, contact).forEach((purpose, record) -> current.put(purpose.code(), ConsentBody.of(record)));
        return new Consents(current, consent.history(workspace, contact).stream().map(ConsentBody::of).toList());
    }

    @PostMapping("/{contactId}/consents")
    @Operation(summary = "Record a grant or withdrawal (source api unless given: web_form, lead_form, agent...)")
    @ApiResponse(responseCode = "201", description = "Recorded; answers with the contact's consents")
    ResponseEntity<Consents> recordConsent(WorkspaceId workspace, @PathVariable UUID contactId,
            @RequestBody ConsentEntry entry) {
        var contact = new ContactId(contactId);
        contacts.get(workspace, contact);
        try {
            var status = ConsentStatus.fromCode(required(entry.status(), "status"));
            var source = entry.source() == null ? ConsentSource.API : ConsentSource.fromCode(entry.source());
            consent.record(workspace, contact, new ConsentChange(Purpose.fromCode(required(entry.purpose(), "purpose")),
                    status, source, null, entry.noticeVersion(),
                    entry.basis() == null ? null : new Evidence(null, null, null, null, entry.basis(), null), null));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("invalid-consent", "Invalid consent", e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(consents(workspace, contactId));
    }

    private ContactProfiles.Saved save(WorkspaceId workspace, NewContact body, boolean updateExisting) {
        var grant = body.consent() == null ? null : grantOf(body.consent());
        var saved = profiles.save(workspace, new ContactDraft(body.phone(), body.name(), body.email(), body.attributes(),
                body.tags()), updateExisting);
        if (grant != null) {
            consent.record(workspace, saved.id(), grant);
        }
        return saved;
    }

    private static ConsentChange grantOf(ConsentGrant grant) {
        try {
            return ConsentChange.grant(Purpose.fromCode(required(grant.purpose(), "consent.purpose")),
                    grant.source() == null ? ConsentSource.API : ConsentSource.fromCode(grant.source()), null,
                    grant.noticeVersion(), new Evidence(null, null, null, null, grant.basis(), null), null);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("invalid-consent", "Invalid consent", e.getMessage());
        }
    }

    private CursorPage<ContactBody> one(WorkspaceId workspace, ContactId id) {
        return new CursorPage<>(id == null ? List.of() : List.of(body(workspace, id)), null);
    }

    private ContactBody body(WorkspaceId workspace, ContactId id) {
        return ContactBody.of(contacts.get(workspace, id), !consent.optedOut(workspace, List.of(id)).isEmpty());
    }

    private static String required(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}

package com.maxmysales.contacts;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.maxmysales.platform.Cursor;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.crypto.BlindIndex;
import com.maxmysales.privacy.crypto.BlindIndex.Identifier;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds or creates the contact behind a WhatsApp sender or a phone number. A person may be known first by
 * number (an import, an API send) and later by WhatsApp ids (their first message), or the other way round:
 * any known identity finds them, and what is learned later completes the record.
 */
@Service
public class ContactDirectory {

    static final String PHONE = "phone";
    static final String WA_ID = "wa_id";
    static final String WHATSAPP_USER_ID = "whatsapp_user_id";

    static final String EMAIL = "email";
    static final String WHATSAPP_NAME = "whatsapp_name";
    static final String ATTRIBUTES = "attributes";

    private final ContactRows rows;
    private final ContactMerges merges;
    private final ContactTags tags;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final JsonMapper json;
    private final Clock clock;

    ContactDirectory(ContactRows rows, ContactMerges merges, ContactTags tags, FieldCipher cipher, BlindIndex index,
            JsonMapper json, Clock clock) {
        this.rows = rows;
        this.merges = merges;
        this.tags = tags;
        this.cipher = cipher;
        this.index = index;
        this.json = json;
        this.clock = clock;
    }

    /** The contact who wrote to us on WhatsApp; {@code waId} is null for users known by username only. */
    public ContactId identifyWhatsAppSender(WorkspaceId workspace, @Nullable String waId, @Nullable String userId,
            @Nullable String profileName) {
        return findOrCreate(workspace, seal(workspace, phoneOf(waId), waId, userId, profileName));
    }

    /**
     * The contact who wrote to us on WhatsApp at {@code at}, found or created, with when they last wrote moved
     * forward and their WhatsApp profile name kept up to date (beside the contact's name, which a profile name only
     * fills when there is none). Someone already known with a complete record and an unchanged profile name, the
     * bulk of inbound traffic, costs one statement and no encryption: values are sealed only when they are to be
     * stored, and the profile name is compared by a keyed hash.
     */
    public ContactId wroteOnWhatsApp(WorkspaceId workspace, @Nullable String waId, @Nullable String userId,
            @Nullable String profileName, Instant at) {
        var phone = phoneOf(waId);
        var name = profileName == null || profileName.isBlank() ? null : profileName.strip();
        var nameIndex = name == null ? null : index.of(workspace, Identifier.WHATSAPP_NAME, name);
        var known = rows.noteInboundOfAny(workspace, phone == null ? null : index.of(workspace, phone),
                waId == null ? null : index.of(workspace, Identifier.WHATSAPP_ID, waId),
                userId == null ? null : index.of(workspace, Identifier.WHATSAPP_USER_ID, userId), name != null,
                nameIndex, at);
        if (known.isPresent()) {
            if (known.get().whatsAppNameStale()) {
                rows.noteWhatsAppName(workspace, known.get().id(), encrypt(workspace, WHATSAPP_NAME, name), nameIndex, at);
            }
            return completed(workspace, known.get(), () -> seal(workspace, phone, waId, userId, name));
        }
        var created = findOrCreate(workspace, seal(workspace, phone, waId, userId, name));
        rows.noteInbound(workspace, created.value(), at);
        if (name != null) {
            rows.noteWhatsAppName(workspace, created.value(), encrypt(workspace, WHATSAPP_NAME, name), nameIndex, at);
        }
        return created;
    }

    /** The contact with this number, found or created; like a WhatsApp sender, sealed only when something is stored. */
    public ContactId findOrCreate(WorkspaceId workspace, PhoneNumber phone) {
        var known = rows.findKnown(workspace, index.of(workspace, phone),
                index.of(workspace, Identifier.WHATSAPP_ID, phone.digits()), null, false);
        return known.map(contact -> completed(workspace, contact, () -> seal(workspace, phone, phone.digits(), null, null)))
                .orElseGet(() -> findOrCreate(workspace, seal(workspace, phone, phone.digits(), null, null)));
    }

    /**
     * The contacts of many numbers, each found as {@link #findOrCreate(WorkspaceId, PhoneNumber)} finds one (by its
     * phone or its WhatsApp id), in one statement; a number nobody has is absent. For a batch of sends.
     */
    public Map<PhoneNumber, ContactId> findAll(WorkspaceId workspace, java.util.Collection<PhoneNumber> phones) {
        var numbers = List.copyOf(new java.util.LinkedHashSet<>(phones));
        var found = new java.util.HashMap<PhoneNumber, ContactId>();
        if (numbers.isEmpty()) {
            return found;
        }
        var known = rows.findKnownAll(workspace, numbers.stream().map(phone -> index.of(workspace, phone)).toList(),
                numbers.stream().map(phone -> index.of(workspace, Identifier.WHATSAPP_ID, phone.digits())).toList());
        for (var contact : known) {
            var phone = numbers.get(contact.position());
            found.put(phone, contact.incomplete() ? findOrCreate(workspace, phone) : new ContactId(contact.id()));
        }
        return found;
    }

    /**
     * New contacts for numbers {@link #findAll} found nobody for, in one statement; one that someone created
     * meanwhile is found instead, as {@link #findOrCreate(WorkspaceId, PhoneNumber)} would.
     */
    public Map<PhoneNumber, ContactId> createAll(WorkspaceId workspace, java.util.Collection<PhoneNumber> phones) {
        var numbers = List.copyOf(new java.util.LinkedHashSet<>(phones));
        var created = new java.util.HashMap<PhoneNumber, ContactId>();
        if (numbers.isEmpty()) {
            return created;
        }
        var ids = numbers.stream().map(phone -> UUID.randomUUID()).toList();
        var inserted = rows.insertAll(workspace, ids,
                numbers.stream().map(phone -> seal(workspace, phone, phone.digits(), null, null)).toList(), clock.instant());
        for (int i = 0; i < numbers.size(); i++) {
            var phone = numbers.get(i);
            created.put(phone, inserted.contains(ids.get(i)) ? new ContactId(ids.get(i)) : findOrCreate(workspace, phone));
        }
        return created;
    }

    /** Which of these contacts exist in the workspace with a phone number to send to; one statement. */
    public java.util.Set<ContactId> withPhone(WorkspaceId workspace, java.util.Collection<ContactId> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return rows.withPhone(workspace, ids.stream().map(ContactId::value).distinct().toList()).stream()
                .map(ContactId::new).collect(java.util.stream.Collectors.toSet());
    }

    /** A known contact, with what it lacked filled in: the values are encrypted only when there is a gap. */
    private ContactId completed(WorkspaceId workspace, ContactRows.Known known, Supplier<ContactRows.Sealed> values) {
        if (known.incomplete()) {
            completeWith(workspace, known.id(), values.get(), clock.instant());
        }
        return new ContactId(known.id());
    }

    public Optional<ContactId> findByPhone(WorkspaceId workspace, PhoneNumber phone) {
        return rows.findByAnyIndex(workspace, index.of(workspace, phone), null, null).map(ContactId::new);
    }

    public Optional<ContactId> findByEmail(WorkspaceId workspace, EmailAddress email) {
        return rows.findByEmail(workspace, index.ofEverySpelling(workspace, email)).map(ContactId::new);
    }

    /** The contact, or empty when the workspace has none by that id (never had, or erased it). */
    public Optional<Contact> find(WorkspaceId workspace, ContactId id) {
        return rows.find(workspace, id).map(row -> open(workspace, row, tags.of(workspace, id.value())));
    }

    public Contact get(WorkspaceId workspace, ContactId id) {
        var row = rows.find(workspace, id).orElseThrow(() -> Refusal.notFound("contact " + id));
        return open(workspace, row, tags.of(workspace, id.value()));
    }

    /**
     * Many contacts in two queries (their rows and their tags) instead of two each: for the code that reads an
     * audience or feeds a campaign page by page. Ids the workspace does not have (erased since) are left out.
     */
    public java.util.Map<java.util.UUID, Contact> getAll(WorkspaceId workspace, java.util.Collection<ContactId> ids) {
        var found = rows.findAll(workspace, ids.stream().map(ContactId::value).toList());
        var tagsOf = tags.of(workspace, found.stream().map(ContactRows.Row::id).toList());
        var contacts = new java.util.HashMap<java.util.UUID, Contact>(found.size() * 2);
        for (var row : found) {
            contacts.put(row.id(), open(workspace, row, tagsOf.getOrDefault(row.id(), List.of())));
        }
        return contacts;
    }

    /**
     * Which of these contacts came only from a lead form and have not granted marketing (P2): their data may be used
     * only to contact them about that lead, or to tell them what happened to it (a breach notice).
     */
    public java.util.Set<java.util.UUID> leadRestricted(WorkspaceId workspace, java.util.Collection<ContactId> ids) {
        return rows.leadRestricted(workspace, ids.stream().map(ContactId::value).toList());
    }

    /** Only the number, for the send path: one column read and decrypted, not the whole contact with its tags. */
    public Optional<PhoneNumber> phoneOf(WorkspaceId workspace, ContactId id) {
        return rows.phone(workspace, id).map(phone -> new PhoneNumber(decrypt(workspace, PHONE, phone)));
    }

    /** {@link #phoneOf} of many contacts in one statement, for a batch of sends; one without a number is absent. */
    public Map<ContactId, PhoneNumber> phonesOf(WorkspaceId workspace, java.util.Collection<ContactId> ids) {
        var phones = new java.util.HashMap<ContactId, PhoneNumber>();
        if (!ids.isEmpty()) {
            rows.phones(workspace, ids.stream().map(ContactId::value).distinct().toList()).forEach((id, phone) ->
                    phones.put(new ContactId(id), new PhoneNumber(decrypt(workspace, PHONE, phone))));
        }
        return phones;
    }

    /** Contacts newest first, optionally only those with a tag. */
    public CursorPage<Contact> page(WorkspaceId workspace, @Nullable String tag, @Nullable String cursor,
            @Nullable Integer limit) {
        var size = CursorPage.limit(limit);
        var found = rows.page(workspace, tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(java.util.Locale.ROOT),
                Cursor.decode(cursor), size + 1);
        var tagsOf = tags.of(workspace, found.stream().map(ContactRows.Row::id).toList());
        return CursorPage.of(found, size, row -> new Cursor(row.createdAt(), row.id()).encode())
                .map(row -> open(workspace, row, tagsOf.getOrDefault(row.id(), List.of())));
    }

    /** How many of the newest contacts a search by name reads: names are encrypted, so it decrypts as it goes. */
    public static final int NAME_SEARCH_SCOPE = 5_000;

    /**
     * Contacts whose name (given by the business, or their WhatsApp profile name) contains the text, ignoring case,
     * newest first, among the workspace's {@link #NAME_SEARCH_SCOPE} newest contacts: names are stored encrypted,
     * with no index to search, so each is decrypted and compared here.
     */
    public NameSearch searchByName(WorkspaceId workspace, String text, int limit) {
        var wanted = java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFC)
                .toLowerCase(java.util.Locale.ROOT);
        var found = new java.util.ArrayList<Contact>();
        String cursor = null;
        var read = 0;
        do {
            var page = page(workspace, null, cursor, CursorPage.MAX_LIMIT);
            for (var contact : page.items()) {
                if (matches(contact.name(), wanted) || matches(contact.whatsAppName(), wanted)) {
                    found.add(contact);
                    if (found.size() == limit) {
                        return new NameSearch(found, false);
                    }
                }
            }
            read += page.items().size();
            cursor = page.nextCursor();
        } while (cursor != null && read < NAME_SEARCH_SCOPE);
        return new NameSearch(found, cursor != null);
    }

    /** @param partial the workspace has more contacts than a name search reads: an older one may be missing */
    public record NameSearch(List<Contact> contacts, boolean partial) {}

    private static boolean matches(@Nullable String name, String wanted) {
        return name != null && java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC)
                .toLowerCase(java.util.Locale.ROOT).contains(wanted);
    }

    /** Workspaces that have any contact: where a request sent to the operator (an email opt-out) may concern someone. */
    public List<WorkspaceId> workspacesWithContacts() {
        return rows.workspaces().stream().map(WorkspaceId::new).toList();
    }

    Contact open(WorkspaceId workspace, ContactRows.Row row, List<String> contactTags) {
        var phone = decrypt(workspace, PHONE, row.phone());
        var attributes = decrypt(workspace, ATTRIBUTES, row.attributes());
        return new Contact(new ContactId(row.id()), phone == null ? null : new PhoneNumber(phone),
                decrypt(workspace, WA_ID, row.waId()), decrypt(workspace, WHATSAPP_USER_ID, row.userId()),
                decrypt(workspace, "name", row.name()), decrypt(workspace, EMAIL, row.email()),
                attributes == null ? Map.of() : json.readValue(attributes, new TypeReference<LinkedHashMap<String, Object>>() {}),
                contactTags, row.lastInboundAt(), row.createdAt(), decrypt(workspace, WHATSAPP_NAME, row.whatsAppName()));
    }

    /** A WhatsApp id is the number's digits; one that is not a valid number keeps the contact number-less. */
    private static @Nullable PhoneNumber phoneOf(@Nullable String waId) {
        try {
            return waId == null ? null : PhoneNumber.fromWhatsAppId(waId);
        } catch (IllegalArgumentException notANumber) {
            return null;
        }
    }

    ContactId findOrCreate(WorkspaceId workspace, ContactRows.Sealed values) {
        var now = clock.instant();
        for (int attempt = 0; attempt < 3; attempt++) {
            var existing = rows.findByAnyIndex(workspace, values.phoneIndex(), values.waIdIndex(), values.userIdIndex());
            if (existing.isPresent()) {
                completeWith(workspace, existing.get(), values, now);
                return new ContactId(existing.get());
            }
            var id = UUID.randomUUID();
            if (rows.insert(workspace, id, values, now)) {
                return new ContactId(id);
            }
            // Another transaction created this person meanwhile: find theirs.
        }
        throw new IllegalStateException("contact could not be created nor found");
    }

    /**
     * Fills what the contact lacks. An identity it lacks may be another contact's (say, a user id first seen alone,
     * then with the number of an older contact): that is one person known twice, whose contacts are merged first.
     */
    private void completeWith(WorkspaceId workspace, UUID id, ContactRows.Sealed values, Instant now) {
        merges.uniteWith(workspace, id, values);
        rows.complete(workspace, id, values, now);
    }

    ContactRows.Sealed seal(WorkspaceId workspace, @Nullable PhoneNumber phone, @Nullable String waId,
            @Nullable String userId, @Nullable String name) {
        return new ContactRows.Sealed(
                encrypt(workspace, PHONE, phone == null ? null : phone.e164()),
                phone == null ? null : index.of(workspace, phone),
                encrypt(workspace, WA_ID, waId), waId == null ? null : index.of(workspace, Identifier.WHATSAPP_ID, waId),
                encrypt(workspace, WHATSAPP_USER_ID, userId),
                userId == null ? null : index.of(workspace, Identifier.WHATSAPP_USER_ID, userId),
                encrypt(workspace, "name", name == null || name.isBlank() ? null : name.strip()));
    }

    byte @Nullable [] encrypt(WorkspaceId workspace, String field, @Nullable String value) {
        return value == null ? null : cipher.encrypt(workspace, "contacts." + field, value);
    }

    @Nullable String decrypt(WorkspaceId workspace, String field, byte @Nullable [] value) {
        return value == null ? null : cipher.decrypt(workspace, "contacts." + field, value);
    }
}

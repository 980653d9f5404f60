package com.maxmysales.contacts;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.crypto.BlindIndex;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.privacy.requests.PersonalData;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies one batch of CSV rows, inside the caller's transaction: each row becomes a new contact, an update
 * of the contact with its number, or a line of the error report (invalid phone or email, missing consent
 * basis, a consent column that says no, a number earlier in the same file, an erased person). Every write is a JDBC batch, so a
 * thousand rows cost a handful of round trips.
 */
@Component
class ImportBatch {

    static final String ERROR_VALUES_FIELD = "contact_import_errors.row_values";

    record Row(long number, List<String> values) {}

    record Columns(int phone, int name, int email, int tags, int basis, Map<String, Integer> attributes) {}

    record Job(WorkspaceId workspace, UUID id, String fileName, String region, Columns columns, Purpose purpose,
            @Nullable String defaultBasis, @Nullable String noticeVersion, List<String> tags,
            Map<String, AttributeDefinitions.Type> types) {}

    private record Candidate(Row row, PhoneNumber phone, byte[] phoneIndex, @Nullable String name,
            @Nullable EmailAddress email, String basis, Map<String, Object> attributes, List<String> tags) {}

    private record Existing(UUID id, @Nullable UUID lastImport, @Nullable Long lastImportRow,
            byte @Nullable [] attributes) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final PersonalData personalData;
    private final ConsentLedger ledger;
    private final JsonMapper json;

    ImportBatch(NamedParameterJdbcTemplate jdbc, FieldCipher cipher, BlindIndex index, PersonalData personalData,
            ConsentLedger ledger, JsonMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.index = index;
        this.personalData = personalData;
        this.ledger = ledger;
        this.json = json;
    }

    ImportJobs.Progress apply(Job job, List<Row> rows, Instant now) {
        var errors = new ArrayList<MapSqlParameterSource>();
        var candidates = new ArrayList<Candidate>();
        var firstRowOf = new HashMap<String, Long>();
        for (var row : rows) {
            try {
                var candidate = read(job, row);
                var earlier = firstRowOf.putIfAbsent(candidate.phone().e164(), row.number());
                if (earlier != null) {
                    throw new IllegalArgumentException("duplicate: same phone number as row " + earlier);
                }
                candidates.add(candidate);
            } catch (IllegalArgumentException | Refusal refused) {
                errors.add(error(job, row, refused.getMessage()));
            }
        }
        refuseErased(job, candidates, errors);
        var existing = existing(job, candidates);
        var fresh = new ArrayList<Candidate>();
        var updates = new LinkedHashMap<Candidate, Existing>();
        for (var candidate : candidates) {
            var found = existing.get(key(candidate.phoneIndex()));
            if (found == null) {
                fresh.add(candidate);
            } else if (job.id().equals(found.lastImport()) && found.lastImportRow() < candidate.row().number()) {
                errors.add(error(job, candidate.row(), "duplicate: same phone number as row " + found.lastImportRow()));
            } else {
                updates.put(candidate, found);
            }
        }
        var ids = new LinkedHashMap<Candidate, UUID>();
        var created = insert(job, fresh, ids, now);
        // A number that got a contact meanwhile (its owner wrote on WhatsApp): update that one instead.
        var raced = fresh.stream().filter(candidate -> !ids.containsKey(candidate)).toList();
        existing(job, raced).forEach((key, found) -> raced.stream().filter(c -> key(c.phoneIndex()).equals(key))
                .forEach(c -> updates.put(c, found)));
        update(job, updates, ids, now);
        tag(job, ids);
        grant(job, ids, now);
        if (!errors.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into contact_import_errors (import_id, workspace_id, row_number, reason, row_values,
                                                       phone_index, email_index)
                    values (:import, :workspace, :row, :reason, :values, :phoneIndex, :emailIndex)
                    on conflict do nothing
                    """, errors.toArray(MapSqlParameterSource[]::new));
        }
        return new ImportJobs.Progress(rows.getLast().number(), created, updates.size(), errors.size());
    }

    private Candidate read(Job job, Row row) {
        var columns = job.columns();
        var phone = PhoneNumber.parseLenient(value(row, columns.phone()), job.region())
                .orElseThrow(() -> new IllegalArgumentException("invalid phone number"));
        var emailCell = value(row, columns.email());
        var email = emailCell == null ? null
                : EmailAddress.parse(emailCell).orElseThrow(() -> new IllegalArgumentException("invalid email"));
        var basis = value(row, columns.basis());
        if (basis != null && ConsentAnswers.isRefusal(basis)) {
            throw new IllegalArgumentException("consent refused: the consent column says no");
        }
        if (basis == null) {
            basis = job.defaultBasis();
        }
        if (basis == null || basis.isBlank()) {
            throw new IllegalArgumentException("missing consent basis");
        }
        var attributes = new LinkedHashMap<String, Object>();
        columns.attributes().forEach((key, column) -> {
            var value = value(row, column);
            if (value != null) {
                attributes.put(key, AttributeDefinitions.convert(key, job.types().get(key), value));
            }
        });
        var tags = new ArrayList<>(job.tags());
        var tagCell = value(row, columns.tags());
        if (tagCell != null) {
            tags.addAll(List.of(tagCell.split("[;,|]")));
        }
        return new Candidate(row, phone, index.of(job.workspace(), phone),
                value(row, columns.name()), email, basis, attributes, ContactTags.normalize(tags));
    }

    private void refuseErased(Job job, List<Candidate> candidates, List<MapSqlParameterSource> errors) {
        var phones = personalData.erasedPhones(job.workspace(), candidates.stream().map(Candidate::phone).toList());
        var emails = personalData.erasedEmails(job.workspace(), candidates.stream().map(Candidate::email)
                .filter(java.util.Objects::nonNull).toList());
        candidates.removeIf(candidate -> {
            var erased = phones.contains(candidate.phone())
                    || candidate.email() != null && emails.contains(candidate.email());
            if (erased) {
                errors.add(error(job, candidate.row(), "erased person: they asked for their data to be erased"));
            }
            return erased;
        });
    }

    private Map<String, Existing> existing(Job job, List<Candidate> candidates) {
        var found = new HashMap<String, Existing>();
        if (candidates.isEmpty()) {
            return found;
        }
        jdbc.query("""
                select id, phone_index, last_import_id, last_import_row, attributes from contacts
                where workspace_id = :workspace and phone_index = any(cast(:indexes as bytea[]))
                """, new MapSqlParameterSource("workspace", job.workspace().value())
                        .addValue("indexes", candidates.stream().map(Candidate::phoneIndex).toArray(byte[][]::new)),
                rs -> {
                    found.put(key(rs.getBytes("phone_index")), new Existing(rs.getObject("id", UUID.class),
                            rs.getObject("last_import_id", UUID.class), (Long) rs.getObject("last_import_row"),
                            rs.getBytes("attributes")));
                });
        return found;
    }

    private long insert(Job job, List<Candidate> fresh, Map<Candidate, UUID> ids, Instant now) {
        if (fresh.isEmpty()) {
            return 0;
        }
        var columns = new Columnar(fresh.size());
        var byId = new HashMap<UUID, Candidate>();
        for (var candidate : fresh) {
            var id = UUID.randomUUID();
            byId.put(id, candidate);
            columns.add(id, encrypt(job, ContactDirectory.PHONE, candidate.phone().e164()), candidate.phoneIndex(),
                    profile(job, candidate, candidate.attributes().isEmpty() ? null : candidate.attributes()));
        }
        var inserted = jdbc.queryForList("""
                insert into contacts (id, workspace_id, phone, phone_index, name, email, email_index, attributes,
                                      last_import_id, last_import_row, created_at, updated_at)
                select cast(id as uuid), :workspace, phone, phone_index, name, email, email_index, attributes, :import, row,
                       :now, :now
                from unnest(cast(:ids as text[]), cast(:phones as bytea[]), cast(:phoneIndexes as bytea[]),
                            cast(:names as bytea[]), cast(:emails as bytea[]), cast(:emailIndexes as bytea[]),
                            cast(:attributes as bytea[]), cast(:rows as bigint[]))
                     as t(id, phone, phone_index, name, email, email_index, attributes, row)
                on conflict do nothing
                returning id
                """, columns.parameters(job, now), UUID.class);
        inserted.forEach(id -> ids.put(byId.get(id), id));
        return inserted.size();
    }

    private void update(Job job, Map<Candidate, Existing> updates, Map<Candidate, UUID> ids, Instant now) {
        if (updates.isEmpty()) {
            return;
        }
        var columns = new Columnar(updates.size());
        updates.forEach((candidate, existing) -> {
            Map<String, Object> attributes = null;
            if (!candidate.attributes().isEmpty()) {
                attributes = existing.attributes() == null ? new LinkedHashMap<>()
                        : json.readValue(cipher.decrypt(job.workspace(), "contacts." + ContactDirectory.ATTRIBUTES,
                                existing.attributes()), new TypeReference<LinkedHashMap<String, Object>>() {});
                attributes.putAll(candidate.attributes());
            }
            columns.add(existing.id(), null, null, profile(job, candidate, attributes));
            ids.put(candidate, existing.id());
        });
        jdbc.update("""
                update contacts c set name = coalesce(t.name, c.name), email = coalesce(t.email, c.email),
                    email_index = coalesce(t.email_index, c.email_index), attributes = coalesce(t.attributes, c.attributes),
                    last_import_id = :import, last_import_row = t.row, updated_at = :now
                from unnest(cast(:ids as text[]), cast(:names as bytea[]), cast(:emails as bytea[]),
                            cast(:emailIndexes as bytea[]), cast(:attributes as bytea[]), cast(:rows as bigint[]))
                     as t(id, name, email, email_index, attributes, row)
                where c.workspace_id = :workspace and c.id = cast(t.id as uuid)
                """, columns.parameters(job, now));
    }

    /** What a row writes to its contact, encrypted. */
    private record Sealed(long row, byte @Nullable [] name, byte @Nullable [] email, byte @Nullable [] emailIndex,
            byte @Nullable [] attributes) {}

    private Sealed profile(Job job, Candidate candidate, Map<String, Object> attributes) {
        return new Sealed(candidate.row().number(), encrypt(job, "name", candidate.name()),
                encrypt(job, ContactDirectory.EMAIL, candidate.email() == null ? null : candidate.email().value()),
                candidate.email() == null ? null : index.of(job.workspace(), candidate.email()),
                attributes == null ? null : encrypt(job, ContactDirectory.ATTRIBUTES, json.writeValueAsString(attributes)));
    }

    private void tag(Job job, Map<Candidate, UUID> ids) {
        var contacts = new ArrayList<String>();
        var tags = new ArrayList<String>();
        ids.forEach((candidate, id) -> candidate.tags().forEach(tag -> {
            contacts.add(id.toString());
            tags.add(tag);
        }));
        if (!contacts.isEmpty()) {
            jdbc.update("""
                    insert into contact_tags (workspace_id, contact_id, tag)
                    select :workspace, cast(contact as uuid), tag from unnest(cast(:contacts as text[]), cast(:tags as text[]))
                         as t(contact, tag)
                    on conflict do nothing
                    """, new MapSqlParameterSource("workspace", job.workspace().value())
                            .addValue("contacts", contacts.toArray(String[]::new)).addValue("tags", tags.toArray(String[]::new)));
        }
    }

    /** Records each row's consent, except for people who withdrew it: an old list never re-subscribes anyone (P6). */
    private void grant(Job job, Map<Candidate, UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        var withdrawn = new java.util.HashSet<UUID>(jdbc.queryForList("""
                select contact_id from (
                    select distinct on (contact_id) contact_id, status from consent_events
                    where workspace_id = :workspace and purpose = :purpose
                      and contact_id = any(cast(cast(:contacts as text[]) as uuid[]))
                    order by contact_id, recorded_at desc, id desc) latest
                where status = 'withdrawn'
                """, new MapSqlParameterSource("workspace", job.workspace().value()).addValue("purpose", job.purpose().code())
                        .addValue("contacts", ids.values().stream().map(UUID::toString).toArray(String[]::new)), UUID.class));
        var contacts = new ArrayList<String>();
        var evidence = new ArrayList<byte[]>();
        var keys = new ArrayList<String>();
        ids.forEach((candidate, id) -> {
            if (!withdrawn.contains(id)) {
                contacts.add(id.toString());
                evidence.add(ledger.seal(job.workspace(), Evidence.ofImport(job.fileName(), candidate.row().number(),
                        candidate.basis())));
                keys.add("import:" + job.id() + ":" + candidate.row().number());
            }
        });
        jdbc.update("""
                insert into consent_events (workspace_id, contact_id, purpose, status, source, occurred_at, recorded_at,
                                            notice_version, evidence, dedupe_key)
                select :workspace, cast(contact as uuid), :purpose, 'granted', 'import', :now, :now, :notice, evidence, key
                from unnest(cast(:contacts as text[]), cast(:evidence as bytea[]), cast(:keys as text[]))
                     as t(contact, evidence, key)
                on conflict do nothing
                """, new MapSqlParameterSource("workspace", job.workspace().value())
                        .addValue("purpose", job.purpose().code()).addValue("now", Timestamp.from(now))
                        .addValue("notice", job.noticeVersion()).addValue("contacts", contacts.toArray(String[]::new))
                        .addValue("evidence", evidence.toArray(byte[][]::new)).addValue("keys", keys.toArray(String[]::new)));
    }

    /**
     * A batch as one array per column, sent as single parameters and turned back into rows by unnest: one
     * statement for a thousand rows, and RETURNING says exactly which were inserted.
     */
    private static final class Columnar {
        private final List<String> ids;
        private final List<byte[]> phones;
        private final List<byte[]> phoneIndexes;
        private final List<byte[]> names;
        private final List<byte[]> emails;
        private final List<byte[]> emailIndexes;
        private final List<byte[]> attributes;
        private final List<Long> rows;

        Columnar(int size) {
            ids = new ArrayList<>(size);
            phones = new ArrayList<>(size);
            phoneIndexes = new ArrayList<>(size);
            names = new ArrayList<>(size);
            emails = new ArrayList<>(size);
            emailIndexes = new ArrayList<>(size);
            attributes = new ArrayList<>(size);
            rows = new ArrayList<>(size);
        }

        void add(UUID id, byte[] phone, byte[] phoneIndex, Sealed sealed) {
            ids.add(id.toString());
            phones.add(phone);
            phoneIndexes.add(phoneIndex);
            names.add(sealed.name());
            emails.add(sealed.email());
            emailIndexes.add(sealed.emailIndex());
            attributes.add(sealed.attributes());
            rows.add(sealed.row());
        }

        MapSqlParameterSource parameters(Job job, Instant now) {
            return new MapSqlParameterSource("workspace", job.workspace().value()).addValue("import", job.id())
                    .addValue("now", Timestamp.from(now)).addValue("ids", ids.toArray(String[]::new))
                    .addValue("phones", phones.toArray(byte[][]::new))
                    .addValue("phoneIndexes", phoneIndexes.toArray(byte[][]::new))
                    .addValue("names", names.toArray(byte[][]::new)).addValue("emails", emails.toArray(byte[][]::new))
                    .addValue("emailIndexes", emailIndexes.toArray(byte[][]::new))
                    .addValue("attributes", attributes.toArray(byte[][]::new))
                    .addValue("rows", rows.toArray(Long[]::new));
        }
    }

    private MapSqlParameterSource error(Job job, Row row, String reason) {
        // Found again by an access or erasure request only through these indexes, whatever else the row lacks.
        var phone = PhoneNumber.parseLenient(value(row, job.columns().phone()), job.region())
                .map(number -> index.of(job.workspace(), number)).orElse(null);
        var email = EmailAddress.parse(value(row, job.columns().email()))
                .map(address -> index.of(job.workspace(), address)).orElse(null);
        return new MapSqlParameterSource("import", job.id()).addValue("workspace", job.workspace().value())
                .addValue("row", row.number()).addValue("reason", reason)
                .addValue("values", cipher.encrypt(job.workspace(), ERROR_VALUES_FIELD, json.writeValueAsString(row.values())),
                        Types.BINARY)
                .addValue("phoneIndex", phone, Types.BINARY)
                .addValue("emailIndex", email, Types.BINARY);
    }

    private byte @Nullable [] encrypt(Job job, String field, @Nullable String value) {
        return value == null ? null : cipher.encrypt(job.workspace(), "contacts." + field, value);
    }

    private static @Nullable String value(Row row, int column) {
        if (column < 0 || column >= row.values().size()) {
            return null;
        }
        var value = row.values().get(column).strip();
        return value.isEmpty() ? null : value;
    }

    private static String key(byte[] phoneIndex) {
        return HexFormat.of().formatHex(phoneIndex);
    }
}

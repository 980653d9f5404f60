package com.maxmysales.contacts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The contacts table as stored: ciphertext and blind indexes only. {@link ContactDirectory} encrypts. */
@Repository
class ContactRows {

    static final String COLUMNS = "id, phone, wa_id, whatsapp_user_id, name, email, attributes, last_inbound_at, created_at, whatsapp_name";

    record Row(UUID id, byte[] phone, byte[] waId, byte[] userId, byte[] name, byte[] email, byte[] attributes,
            Instant lastInboundAt, Instant createdAt, byte[] whatsAppName) {}

    /** New values of a contact's editable columns; a null array leaves the column as it is. */
    record Profile(byte[] phone, byte[] phoneIndex, byte[] name, byte[] email, byte[] emailIndex, byte[] attributes,
            boolean clearName, boolean clearEmail) {}

    record Sealed(byte[] phone, byte[] phoneIndex, byte[] waId, byte[] waIdIndex, byte[] userId, byte[] userIdIndex,
            byte[] name) {}

    private final JdbcClient jdbc;

    ContactRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when a contact with one of these identities already exists (a concurrent insert won) */
    boolean insert(WorkspaceId workspace, UUID id, Sealed values, Instant now) {
        return jdbc.sql("""
                insert into contacts (id, workspace_id, phone, phone_index, wa_id, wa_id_index, whatsapp_user_id,
                                      whatsapp_user_id_index, name, created_at, updated_at)
                values (:id, :workspace, :phone, :phoneIndex, :waId, :waIdIndex, :userId, :userIdIndex, :name, :now, :now)
                on conflict do nothing
                """)
                .param("id", id).param("workspace", workspace.value())
                .param("phone", values.phone()).param("phoneIndex", values.phoneIndex())
                .param("waId", values.waId()).param("waIdIndex", values.waIdIndex())
                .param("userId", values.userId()).param("userIdIndex", values.userIdIndex())
                .param("name", values.name()).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /**
     * Contacts of many numbers at once (one statement), each the earliest contact with the number's phone or
     * WhatsApp id index, as {@link #findKnown} finds one: by the numbers' positions in the lists.
     *
     * @param incomplete the contact lacks the phone or the WhatsApp id the number gives
     */
    record KnownAt(int position, UUID id, boolean incomplete) {}

    List<KnownAt> findKnownAll(WorkspaceId workspace, List<byte[]> phoneIndexes, List<byte[]> waIdIndexes) {
        return jdbc.sql("""
                select t.n, c.id, c.phone_index is null or c.wa_id_index is null
                from unnest(cast(:phones as bytea[]), cast(:waIds as bytea[])) with ordinality as t(phone, wa_id, n)
                cross join lateral (
                    select id, phone_index, wa_id_index from contacts
                    where workspace_id = :workspace and (phone_index = t.phone or wa_id_index = t.wa_id)
                    order by created_at limit 1) c
                """)
                .param("workspace", workspace.value())
                .param("phones", phoneIndexes.toArray(byte[][]::new)).param("waIds", waIdIndexes.toArray(byte[][]::new))
                .query((rs, n) -> new KnownAt(rs.getInt(1) - 1, rs.getObject(2, UUID.class), rs.getBoolean(3)))
                .list();
    }

    /**
     * Many new contacts in one statement, as {@link #insert} inserts one.
     *
     * @return the ids inserted; a missing one lost to a concurrent insert of the same person
     */
    java.util.Set<UUID> insertAll(WorkspaceId workspace, List<UUID> ids, List<Sealed> values, Instant now) {
        return new java.util.HashSet<>(jdbc.sql("""
                insert into contacts (id, workspace_id, phone, phone_index, wa_id, wa_id_index, created_at, updated_at)
                select t.id, :workspace, t.phone, t.phone_index, t.wa_id, t.wa_id_index, :now, :now
                from unnest(cast(:ids as uuid[]), cast(:phones as bytea[]), cast(:phoneIndexes as bytea[]),
                            cast(:waIds as bytea[]), cast(:waIdIndexes as bytea[])) as t(id, phone, phone_index, wa_id, wa_id_index)
                on conflict do nothing
                returning id
                """)
                .param("workspace", workspace.value()).param("now", Timestamp.from(now))
                .param("ids", ids.toArray(UUID[]::new))
                .param("phones", values.stream().map(Sealed::phone).toArray(byte[][]::new))
                .param("phoneIndexes", values.stream().map(Sealed::phoneIndex).toArray(byte[][]::new))
                .param("waIds", values.stream().map(Sealed::waId).toArray(byte[][]::new))
                .param("waIdIndexes", values.stream().map(Sealed::waIdIndex).toArray(byte[][]::new))
                .query(UUID.class).list());
    }

    /** The encrypted phones of these contacts, by id; a contact without one (or not in the workspace) is absent. */
    Map<UUID, byte[]> phones(WorkspaceId workspace, java.util.Collection<UUID> ids) {
        var phones = new java.util.HashMap<UUID, byte[]>();
        jdbc.sql("""
                select id, phone from contacts
                where workspace_id = :workspace and id = any(cast(:ids as uuid[])) and phone is not null
                """)
                .param("workspace", workspace.value()).param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> phones.put(rs.getObject(1, UUID.class), rs.getBytes(2))).list();
        return phones;
    }

    /** Which of these contacts exist with a phone number to send to. */
    java.util.Set<UUID> withPhone(WorkspaceId workspace, java.util.Collection<UUID> ids) {
        return new java.util.HashSet<>(jdbc.sql("""
                select id from contacts
                where workspace_id = :workspace and id = any(cast(:ids as uuid[])) and phone is not null
                """)
                .param("workspace", workspace.value()).param("ids", ids.toArray(UUID[]::new))
                .query(UUID.class).list());
    }

    /** The earliest contact with any of these identities. */
    private static final String MATCHES = """
            select id from contacts
            where workspace_id = :workspace
              and (phone_index = :phone or wa_id_index = :waId or whatsapp_user_id_index = :userId)
            order by created_at limit 1""";

    /** The contact matching any of the given indexes (null ones are ignored). */
    Optional<UUID> findByAnyIndex(WorkspaceId workspace, byte[] phoneIndex, byte[] waIdIndex, byte[] userIdIndex) {
        return jdbc.sql(MATCHES)
                .param("workspace", workspace.value()).param("phone", phoneIndex).param("waId", waIdIndex)
                .param("userId", userIdIndex)
                .query(UUID.class).optional();
    }

    /**
     * @param incomplete the contact lacks an identity or the name that was looked up with
     * @param whatsAppNameStale the WhatsApp name looked up with differs from the contact's, and is not older
     */
    record Known(UUID id, boolean incomplete, boolean whatsAppNameStale) {}

    /** Whether {@link #complete} has something to add to the row. */
    private static final String GAPS = """
            phone_index is null and cast(:phone as bytea) is not null
            or wa_id_index is null and cast(:waId as bytea) is not null
            or whatsapp_user_id_index is null and cast(:userId as bytea) is not null
            or name is null and :hasName""";

    /** The contact matching any of the given indexes (null ones are ignored), and whether it has gaps to fill. */
    Optional<Known> findKnown(WorkspaceId workspace, byte[] phoneIndex, byte[] waIdIndex, byte[] userIdIndex,
            boolean hasName) {
        return jdbc.sql("select id, " + GAPS + " from contacts where workspace_id = :workspace and id = (" + MATCHES + ")")
                .param("workspace", workspace.value())
                .param("phone", phoneIndex).param("waId", waIdIndex).param("userId", userIdIndex)
                .param("hasName", hasName)
                .query((rs, n) -> new Known(rs.getObject(1, UUID.class), rs.getBoolean(2), false)).optional();
    }

    /**
     * Whether a WhatsApp name seen at {@code :at} replaces the contact's: it differs (compared by hash, never
     * decrypted) and no later message gave the one it has.
     */
    private static final String WHATSAPP_NAME_STALE = """
            cast(:nameIndex as bytea) is not null
            and (whatsapp_name is null or whatsapp_name_at is null or whatsapp_name_at <= :at)
            and whatsapp_name_hash is distinct from sha256(convert_to(id::text, 'UTF8') || cast(:nameIndex as bytea))""";

    /**
     * Moves forward when the contact matching any of the given indexes (null ones are ignored) last wrote — segments
     * filter on it — and says whether {@link #complete} has something to add.
     */
    Optional<Known> noteInboundOfAny(WorkspaceId workspace, byte[] phoneIndex, byte[] waIdIndex, byte[] userIdIndex,
            boolean hasName, byte @Nullable [] whatsAppNameIndex, Instant at) {
        return jdbc.sql("""
                update contacts set last_inbound_at = greatest(coalesce(last_inbound_at, :at), :at)
                where workspace_id = :workspace and id = (""" + MATCHES + ") returning id, " + GAPS + ", "
                        + WHATSAPP_NAME_STALE)
                .param("at", Timestamp.from(at)).param("workspace", workspace.value())
                .param("phone", phoneIndex).param("waId", waIdIndex).param("userId", userIdIndex)
                .param("hasName", hasName).param("nameIndex", whatsAppNameIndex)
                .query((rs, n) -> new Known(rs.getObject(1, UUID.class), rs.getBoolean(2), rs.getBoolean(3))).optional();
    }

    /**
     * The WhatsApp name a message of {@code at} gave, unless a later message gave one already. The hash is the
     * contact's id with the name's blind index, as {@link #noteInboundOfAny} compares it.
     */
    void noteWhatsAppName(WorkspaceId workspace, UUID id, byte[] name, byte[] nameIndex, Instant at) {
        jdbc.sql("""
                update contacts set whatsapp_name = :name,
                    whatsapp_name_hash = sha256(convert_to(id::text, 'UTF8') || cast(:nameIndex as bytea)),
                    whatsapp_name_at = :at
                where workspace_id = :workspace and id = :id and
                """ + WHATSAPP_NAME_STALE)
                .param("name", name).param("nameIndex", nameIndex).param("at", Timestamp.from(at))
                .param("workspace", workspace.value()).param("id", id)
                .update();
    }

    /** Every contact with any of these identities (null ones are ignored), oldest first. */
    List<UUID> allWithAny(WorkspaceId workspace, byte @Nullable [] phoneIndex, byte @Nullable [] waIdIndex) {
        return jdbc.sql("""
                select id from contacts
                where workspace_id = :workspace and (phone_index = :phone or wa_id_index = :waId)
                order by created_at, id
                """)
                .param("workspace", workspace.value()).param("phone", phoneIndex).param("waId", waIdIndex)
                .query(UUID.class).list();
    }

    /** Of these contacts, the one created first. */
    UUID oldest(WorkspaceId workspace, java.util.Collection<UUID> ids) {
        return jdbc.sql("select id from contacts where workspace_id = :workspace and id in (:ids) order by created_at, id limit 1")
                .param("workspace", workspace.value()).param("ids", ids)
                .query(UUID.class).single();
    }

    /**
     * Gives the contact a new number, replacing the one it had (the person no longer has it): the phone and the
     * WhatsApp id, with their indexes. No other contact may hold the new one (the caller merged them first).
     */
    void moveNumber(WorkspaceId workspace, UUID id, byte @Nullable [] phone, byte @Nullable [] phoneIndex, byte[] waId,
            byte[] waIdIndex, Instant now) {
        jdbc.sql("""
                update contacts set phone = :phone, phone_index = :phoneIndex, wa_id = :waId, wa_id_index = :waIdIndex,
                    updated_at = :now
                where workspace_id = :workspace and id = :id
                """)
                .param("phone", phone).param("phoneIndex", phoneIndex).param("waId", waId).param("waIdIndex", waIdIndex)
                .param("now", Timestamp.from(now)).param("workspace", workspace.value()).param("id", id)
                .update();
    }

    /** Fills identities and a name learned later, never overwriting what is known. */
    void complete(WorkspaceId workspace, UUID id, Sealed values, Instant now) {
        jdbc.sql("""
                update contacts set
                    phone = coalesce(phone, :phone), phone_index = coalesce(phone_index, :phoneIndex),
                    wa_id = coalesce(wa_id, :waId), wa_id_index = coalesce(wa_id_index, :waIdIndex),
                    whatsapp_user_id = coalesce(whatsapp_user_id, :userId),
                    whatsapp_user_id_index = coalesce(whatsapp_user_id_index, :userIdIndex),
                    name = coalesce(name, :name),
                    updated_at = :now
                where workspace_id = :workspace and id = :id
                  and (phone_index is null and cast(:phoneIndex as bytea) is not null
                       or wa_id_index is null and cast(:waIdIndex as bytea) is not null
                       or whatsapp_user_id_index is null and cast(:userIdIndex as bytea) is not null
                       or name is null and cast(:name as bytea) is not null)
                """)
                .param("phone", values.phone()).param("phoneIndex", values.phoneIndex())
                .param("waId", values.waId()).param("waIdIndex", values.waIdIndex())
                .param("userId", values.userId()).param("userIdIndex", values.userIdIndex())
                .param("name", values.name()).param("now", Timestamp.from(now))
                .param("workspace", workspace.value()).param("id", id)
                .update();
    }

    /** Sets an email on a contact that has none; its index is unique per workspace only in practice, not by constraint. */
    void completeEmail(WorkspaceId workspace, UUID id, byte[] email, byte[] emailIndex, Instant now) {
        if (email == null) {
            return;
        }
        jdbc.sql("""
                update contacts set email = :email, email_index = :emailIndex, updated_at = :now
                where workspace_id = :workspace and id = :id and email is null
                """)
                .param("email", email).param("emailIndex", emailIndex).param("now", Timestamp.from(now))
                .param("workspace", workspace.value()).param("id", id)
                .update();
    }

    void restrictToLeadFollowUp(WorkspaceId workspace, UUID id) {
        jdbc.sql("update contacts set lead_restricted = true where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", id)
                .update();
    }

    /** Of these contacts, those created from a lead form whose current marketing answer is not a grant. */
    java.util.Set<UUID> leadRestricted(WorkspaceId workspace, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("select c.id from contacts c where c.workspace_id = :workspace and c.id in (:ids) and "
                        + LEAD_RESTRICTED)
                .param("workspace", workspace.value()).param("ids", ids)
                .query(UUID.class).list());
    }

    /** SQL on {@code contacts c}: created from a lead form and not (yet) granted marketing. */
    static final String LEAD_RESTRICTED = """
            c.lead_restricted and coalesce((select e.status from consent_events e
                where e.workspace_id = c.workspace_id and e.contact_id = c.id and e.purpose = 'marketing'
                order by e.recorded_at desc, e.id desc limit 1), 'none') <> 'granted'
            """;

    Optional<Row> find(WorkspaceId workspace, ContactId id) {
        return jdbc.sql("select " + COLUMNS + " from contacts where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", id.value())
                .query(ContactRows::row).optional();
    }

    /** These contacts' rows in one query, in no particular order; ids the workspace does not have are left out. */
    List<Row> findAll(WorkspaceId workspace, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from contacts where workspace_id = :workspace and id = any(:ids)")
                .param("workspace", workspace.value()).param("ids", ids.toArray(UUID[]::new))
                .query(ContactRows::row).list();
    }

    Optional<byte[]> phone(WorkspaceId workspace, ContactId id) {
        return jdbc.sql("select phone from contacts where workspace_id = :workspace and id = :id and phone is not null")
                .param("workspace", workspace.value()).param("id", id.value())
                .query(byte[].class).optional();
    }

    /** @param emailIndexes every index the person's email may be stored with; empty for none */
    List<UUID> findByPhoneOrEmail(WorkspaceId workspace, byte @Nullable [] phoneIndex, byte @Nullable [] waIdIndex,
            List<byte[]> emailIndexes) {
        return jdbc.sql("""
                select id from contacts
                where workspace_id = :workspace
                  and (phone_index = :phone or wa_id_index = :waId or email_index = any(cast(:emails as bytea[])))
                """)
                .param("workspace", workspace.value()).param("phone", phoneIndex).param("waId", waIdIndex)
                .param("emails", emailIndexes.toArray(byte[][]::new))
                .query(UUID.class).list();
    }

    int delete(WorkspaceId workspace, List<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from contacts where workspace_id = :workspace and id in (:ids)")
                .param("workspace", workspace.value()).param("ids", ids)
                .update();
    }

    /** Newest first, keyset-paged; optionally only contacts carrying a tag. */
    List<Row> page(WorkspaceId workspace, String tag, com.maxmysales.platform.Cursor after, int limitPlusOne) {
        var from = com.maxmysales.platform.Cursor.orFirst(after);
        return jdbc.sql("select " + COLUMNS + """
                 from contacts c
                where workspace_id = :workspace and (created_at, id) < (:at, :id)
                  and (cast(:tag as text) is null or exists (select 1 from contact_tags t
                       where t.workspace_id = c.workspace_id and t.contact_id = c.id and t.tag = :tag))
                order by created_at desc, id desc limit :limit
                """)
                .param("workspace", workspace.value()).param("at", Timestamp.from(from.at())).param("id", from.id())
                .param("tag", tag).param("limit", limitPlusOne)
                .query(ContactRows::row).list();
    }

    /** @param emailIndexes every index the email may be stored with */
    Optional<UUID> findByEmail(WorkspaceId workspace, List<byte[]> emailIndexes) {
        return jdbc.sql("""
                select id from contacts where workspace_id = :workspace and email_index = any(cast(:emails as bytea[]))
                order by created_at limit 1
                """)
                .param("workspace", workspace.value()).param("emails", emailIndexes.toArray(byte[][]::new))
                .query(UUID.class).optional();
    }

    /** The caller checked that no other contact has the new phone number (its unique index would refuse it). */
    boolean updateProfile(WorkspaceId workspace, UUID id, Profile profile, Instant now) {
            return jdbc.sql("""
                    update contacts set
                        phone = coalesce(:phone, phone), phone_index = coalesce(:phoneIndex, phone_index),
                        name = case when :clearName then null else coalesce(:name, name) end,
                        email = case when :clearEmail then null else coalesce(:email, email) end,
                        email_index = case when :clearEmail then null else coalesce(:emailIndex, email_index) end,
                        attributes = coalesce(:attributes, attributes),
                        updated_at = :now
                    where workspace_id = :workspace and id = :id
                    """)
                    .param("phone", profile.phone()).param("phoneIndex", profile.phoneIndex())
                    .param("name", profile.name()).param("clearName", profile.clearName())
                    .param("email", profile.email()).param("emailIndex", profile.emailIndex())
                    .param("clearEmail", profile.clearEmail()).param("attributes", profile.attributes())
                    .param("now", Timestamp.from(now)).param("workspace", workspace.value()).param("id", id)
                    .update() == 1;
    }

    /** The one query across workspaces: which workspaces an operator-wide request (an email opt-out) must search. */
    List<UUID> workspaces() {
        return jdbc.sql("select distinct workspace_id from contacts").query(UUID.class).list();
    }

    void noteInbound(WorkspaceId workspace, UUID id, Instant at) {
        jdbc.sql("""
                update contacts set last_inbound_at = greatest(coalesce(last_inbound_at, :at), :at)
                where workspace_id = :workspace and id = :id
                """)
                .param("at", Timestamp.from(at)).param("workspace", workspace.value()).param("id", id)
                .update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var lastInbound = rs.getTimestamp("last_inbound_at");
        return new Row(rs.getObject("id", UUID.class), rs.getBytes("phone"), rs.getBytes("wa_id"),
                rs.getBytes("whatsapp_user_id"), rs.getBytes("name"), rs.getBytes("email"), rs.getBytes("attributes"),
                lastInbound == null ? null : lastInbound.toInstant(), rs.getTimestamp("created_at").toInstant(),
                rs.getBytes("whatsapp_name"));
    }
}

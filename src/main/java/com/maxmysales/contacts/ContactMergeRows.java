package com.maxmysales.contacts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of merging two contacts and of undoing it. The merged contact's row is copied, ciphertext as it is, into
 * {@code contact_merges}; the survivor takes only what it lacked, and the record says which, so an undo gives back
 * exactly that.
 */
@Repository
class ContactMergeRows {

    /** The identity and profile columns a survivor may take, each with its blind index where it has one. */
    private static final List<String> TAKEN = List.of("phone", "wa_id", "whatsapp_user_id", "name", "email", "attributes",
            "whatsapp_name");
    private static final Map<String, String> INDEX_OF = Map.of("phone", "phone_index", "wa_id", "wa_id_index",
            "whatsapp_user_id", "whatsapp_user_id_index", "email", "email_index", "whatsapp_name", "whatsapp_name_hash");

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ContactMergeRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Other contacts than {@code id} with any of these identities (null ones are ignored), oldest first. */
    List<UUID> othersWithAny(WorkspaceId workspace, UUID id, byte[] phoneIndex, byte[] waIdIndex, byte[] userIdIndex) {
        return jdbc.sql("""
                select id from contacts
                where workspace_id = :workspace and id <> :id
                  and (phone_index = :phone or wa_id_index = :waId or whatsapp_user_id_index = :userId)
                order by created_at, id
                """)
                .param("workspace", workspace.value()).param("id", id).param("phone", phoneIndex)
                .param("waId", waIdIndex).param("userId", userIdIndex)
                .query(UUID.class).list();
    }

    /** Locks both rows, in one order whoever merges, so two merges of the same pair wait rather than deadlock. */
    boolean lockBoth(WorkspaceId workspace, UUID one, UUID other) {
        return jdbc.sql("select id from contacts where workspace_id = :workspace and id in (:one, :other) order by id for update")
                .param("workspace", workspace.value()).param("one", one).param("other", other)
                .query(UUID.class).list().size() == 2;
    }

    /** Copies the absorbed contact into a new merge record, with what the survivor lacks of it. */
    void record(WorkspaceId workspace, UUID merge, UUID survivor, UUID absorbed, Instant now, Instant undoUntil) {
        var taken = String.join(",\n", TAKEN.stream().map(column -> "case when s.%s is null and a.%s is not null then '%s' end"
                .formatted(column, column, column)).toList());
        jdbc.sql("""
                insert into contact_merges (id, workspace_id, survivor_id, absorbed_id, merged_at, undo_until,
                    phone, phone_index, wa_id, wa_id_index, whatsapp_user_id, whatsapp_user_id_index, name, email,
                    email_index, attributes, last_inbound_at, last_import_id, last_import_row, lead_restricted,
                    created_at, updated_at, taken_columns, survivor_lead_restricted, tags, tags_added, lists,
                    lists_added, moved, whatsapp_name, whatsapp_name_hash, whatsapp_name_at)
                select :merge, a.workspace_id, s.id, a.id, :now, :undoUntil,
                    a.phone, a.phone_index, a.wa_id, a.wa_id_index, a.whatsapp_user_id, a.whatsapp_user_id_index, a.name,
                    a.email, a.email_index, a.attributes, a.last_inbound_at, a.last_import_id, a.last_import_row,
                    a.lead_restricted, a.created_at, a.updated_at,
                    array_remove(array[""" + taken + """
                    ]::text[], null),
                    s.lead_restricted,
                    array(select t.tag from contact_tags t where t.workspace_id = a.workspace_id and t.contact_id = a.id),
                    array(select t.tag from contact_tags t where t.workspace_id = a.workspace_id and t.contact_id = a.id
                          and not exists (select 1 from contact_tags u where u.workspace_id = s.workspace_id
                                          and u.contact_id = s.id and u.tag = t.tag)),
                    array(select m.list_id from contact_list_members m where m.workspace_id = a.workspace_id
                          and m.contact_id = a.id),
                    array(select m.list_id from contact_list_members m where m.workspace_id = a.workspace_id
                          and m.contact_id = a.id
                          and not exists (select 1 from contact_list_members n where n.workspace_id = s.workspace_id
                                          and n.list_id = m.list_id and n.contact_id = s.id)),
                    '{}'::jsonb, a.whatsapp_name, a.whatsapp_name_hash, a.whatsapp_name_at
                from contacts a, contacts s
                where a.workspace_id = :workspace and a.id = :absorbed and s.workspace_id = :workspace and s.id = :survivor
                """)
                .param("merge", merge).param("now", Timestamp.from(now)).param("undoUntil", Timestamp.from(undoUntil))
                .param("workspace", workspace.value()).param("absorbed", absorbed).param("survivor", survivor)
                .update();
    }

    /** Tags and list memberships: the survivor gets those it lacked (the merge record says which). */
    void copyGroups(WorkspaceId workspace, UUID from, UUID to) {
        jdbc.sql("""
                insert into contact_tags (workspace_id, contact_id, tag)
                select workspace_id, :to, tag from contact_tags where workspace_id = :workspace and contact_id = :from
                on conflict do nothing
                """)
                .param("workspace", workspace.value()).param("from", from).param("to", to).update();
        jdbc.sql("""
                insert into contact_list_members (workspace_id, list_id, contact_id, added_at)
                select workspace_id, list_id, :to, added_at from contact_list_members
                where workspace_id = :workspace and contact_id = :from
                on conflict do nothing
                """)
                .param("workspace", workspace.value()).param("from", from).param("to", to).update();
    }

    /**
     * Moves consent ledger entries, unchanged but for their contact. An entry whose fact the survivor already has
     * (the same dedupe key) is not moved and goes with the merged contact: the ledger keeps the fact once.
     *
     * @param only the entries to move; null for all of {@code from}'s
     */
    List<Long> moveConsent(WorkspaceId workspace, UUID from, UUID to, @Nullable List<Long> only) {
        jdbc.sql("select set_config('maxmysales.contact_merge', 'on', true)").query(String.class).single();
        try {
            return jdbc.sql("""
                    update consent_events e set contact_id = :to
                    where e.workspace_id = :workspace and e.contact_id = :from
                      and (cast(:only as bigint[]) is null or e.id = any(cast(:only as bigint[])))
                      and (e.dedupe_key is null or not exists (select 1 from consent_events d
                           where d.workspace_id = e.workspace_id and d.contact_id = :to and d.purpose = e.purpose
                             and d.dedupe_key = e.dedupe_key))
                    returning e.id
                    """)
                    .param("workspace", workspace.value()).param("from", from).param("to", to)
                    .param("only", only == null ? null : only.toArray(Long[]::new))
                    .query(Long.class).list();
        } finally {
            jdbc.sql("select set_config('maxmysales.contact_merge', 'off', true)").query(String.class).single();
        }
    }

    /** Removes the ledger entries left on the merged contact (facts the survivor has too), so the row can go. */
    void deleteConsent(WorkspaceId workspace, UUID contact) {
        jdbc.sql("delete from consent_events where workspace_id = :workspace and contact_id = :contact")
                .param("workspace", workspace.value()).param("contact", contact).update();
    }

    /** @param moved per kind, the ids of the rows that moved (the ledger's are numbers, the others UUIDs) */
    void noteMoved(WorkspaceId workspace, UUID merge, Map<String, List<String>> moved) {
        jdbc.sql("update contact_merges set moved = cast(:moved as jsonb) where workspace_id = :workspace and id = :id")
                .param("moved", json.writeValueAsString(moved)).param("workspace", workspace.value()).param("id", merge)
                .update();
    }

    void deleteContact(WorkspaceId workspace, UUID id) {
        jdbc.sql("delete from contacts where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", id).update();
    }

    /** The survivor takes what it lacked of the merged contact; the later of the two last inbound times. */
    void completeSurvivor(WorkspaceId workspace, UUID merge, Instant now) {
        var columns = String.join(",\n", TAKEN.stream().map(column -> INDEX_OF.containsKey(column)
                ? "%1$s = coalesce(s.%1$s, m.%1$s), %2$s = case when s.%1$s is null then m.%2$s else s.%2$s end"
                        .formatted(column, INDEX_OF.get(column))
                : "%1$s = coalesce(s.%1$s, m.%1$s)".formatted(column)).toList());
        jdbc.sql("update contacts s set " + columns + """
                ,
                    last_inbound_at = greatest(s.last_inbound_at, m.last_inbound_at),
                    whatsapp_name_at = case when s.whatsapp_name is null then m.whatsapp_name_at else s.whatsapp_name_at end,
                    lead_restricted = s.lead_restricted or m.lead_restricted,
                    updated_at = :now
                from contact_merges m
                where m.workspace_id = :workspace and m.id = :merge
                  and s.workspace_id = :workspace and s.id = m.survivor_id
                """)
                .param("now", Timestamp.from(now)).param("workspace", workspace.value()).param("merge", merge)
                .update();
    }

    record Stored(ContactMerge merge, Map<String, List<String>> moved) {}

    Optional<Stored> lock(WorkspaceId workspace, UUID merge) {
        return jdbc.sql("""
                select id, survivor_id, absorbed_id, merged_at, undo_until, moved
                from contact_merges where workspace_id = :workspace and id = :id for update
                """)
                .param("workspace", workspace.value()).param("id", merge)
                .query((rs, n) -> new Stored(new ContactMerge(rs.getObject("id", UUID.class),
                        new ContactId(rs.getObject("survivor_id", UUID.class)),
                        new ContactId(rs.getObject("absorbed_id", UUID.class)),
                        rs.getTimestamp("merged_at").toInstant(), rs.getTimestamp("undo_until").toInstant()),
                        json.readValue(rs.getString("moved"), new TypeReference<Map<String, List<String>>>() {})))
                .optional();
    }

    /**
     * The survivor gives back what it took, where it still holds the very value it took (one edited since stays),
     * and its lead restriction as it was.
     */
    void releaseTaken(WorkspaceId workspace, UUID merge, Instant now) {
        var columns = String.join(",\n", TAKEN.stream().map(column -> {
            var given = "'%1$s' = any(m.taken_columns) and s.%1$s = m.%1$s".formatted(column);
            var set = "%1$s = case when %2$s then null else s.%1$s end".formatted(column, given);
            return INDEX_OF.containsKey(column)
                    ? set + ", %1$s = case when %2$s then null else s.%1$s end".formatted(INDEX_OF.get(column), given)
                    : set;
        }).toList());
        jdbc.sql("update contacts s set " + columns + """
                ,
                    lead_restricted = m.survivor_lead_restricted,
                    updated_at = :now
                from contact_merges m
                where m.workspace_id = :workspace and m.id = :merge
                  and s.workspace_id = :workspace and s.id = m.survivor_id
                """)
                .param("now", Timestamp.from(now)).param("workspace", workspace.value()).param("merge", merge)
                .update();
    }

    /** Puts the merged contact back as it was, under its own id. */
    void restoreContact(WorkspaceId workspace, UUID merge) {
        jdbc.sql("""
                insert into contacts (id, workspace_id, phone, phone_index, wa_id, wa_id_index, whatsapp_user_id,
                    whatsapp_user_id_index, name, email, email_index, attributes, last_inbound_at, last_import_id,
                    last_import_row, lead_restricted, created_at, updated_at, whatsapp_name, whatsapp_name_hash,
                    whatsapp_name_at)
                select absorbed_id, workspace_id, phone, phone_index, wa_id, wa_id_index, whatsapp_user_id,
                    whatsapp_user_id_index, name, email, email_index, attributes, last_inbound_at, last_import_id,
                    last_import_row, lead_restricted, created_at, updated_at, whatsapp_name, whatsapp_name_hash,
                    whatsapp_name_at
                from contact_merges where workspace_id = :workspace and id = :merge
                """)
                .param("workspace", workspace.value()).param("merge", merge).update();
    }

    /** Tags and lists back on the merged contact; the survivor loses those it gained by the merge. */
    void restoreGroups(WorkspaceId workspace, UUID merge) {
        var params = Map.<String, Object>of("workspace", workspace.value(), "merge", merge);
        jdbc.sql("""
                insert into contact_tags (workspace_id, contact_id, tag)
                select m.workspace_id, m.absorbed_id, t from contact_merges m, unnest(m.tags) t
                where m.workspace_id = :workspace and m.id = :merge
                on conflict do nothing
                """).params(params).update();
        jdbc.sql("""
                delete from contact_tags t using contact_merges m
                where m.workspace_id = :workspace and m.id = :merge
                  and t.workspace_id = m.workspace_id and t.contact_id = m.survivor_id and t.tag = any(m.tags_added)
                """).params(params).update();
        jdbc.sql("""
                insert into contact_list_members (workspace_id, list_id, contact_id, added_at)
                select m.workspace_id, l.id, m.absorbed_id, m.merged_at
                from contact_merges m join contact_lists l on l.workspace_id = m.workspace_id and l.id = any(m.lists)
                where m.workspace_id = :workspace and m.id = :merge
                on conflict do nothing
                """).params(params).update();
        jdbc.sql("""
                delete from contact_list_members n using contact_merges m
                where m.workspace_id = :workspace and m.id = :merge
                  and n.workspace_id = m.workspace_id and n.contact_id = m.survivor_id and n.list_id = any(m.lists_added)
                """).params(params).update();
    }

    /** An undone merge keeps no copy: the merged contact is back in contacts, and the audit log has the fact. */
    void delete(WorkspaceId workspace, UUID merge) {
        jdbc.sql("delete from contact_merges where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", merge).update();
    }

    List<ContactMerge> undoable(WorkspaceId workspace, Instant now) {
        return jdbc.sql("""
                select id, survivor_id, absorbed_id, merged_at, undo_until from contact_merges
                where workspace_id = :workspace and undo_until > :now order by merged_at desc, id limit 500
                """)
                .param("workspace", workspace.value()).param("now", Timestamp.from(now))
                .query((rs, n) -> new ContactMerge(rs.getObject("id", UUID.class),
                        new ContactId(rs.getObject("survivor_id", UUID.class)),
                        new ContactId(rs.getObject("absorbed_id", UUID.class)),
                        rs.getTimestamp("merged_at").toInstant(), rs.getTimestamp("undo_until").toInstant()))
                .list();
    }

    /** A merged contact's copy as kept for an undo: the person a privacy request may be asking about. */
    record Copy(ContactMerge merge, byte @Nullable [] phone, byte @Nullable [] waId, byte @Nullable [] name,
            byte @Nullable [] email) {}

    /** The copies naming any of these contacts (merged or surviving) or identities (blind indexes). */
    List<Copy> copiesOf(WorkspaceId workspace, Collection<UUID> contacts, Collection<byte[]> phoneIndexes,
            Collection<byte[]> waIdIndexes, Collection<byte[]> emailIndexes) {
        return jdbc.sql("""
                select id, survivor_id, absorbed_id, merged_at, undo_until, phone, wa_id, name, email from contact_merges
                where workspace_id = :workspace
                  and (survivor_id = any(:contacts) or absorbed_id = any(:contacts) or phone_index = any(:phones)
                       or wa_id_index = any(:waIds) or email_index = any(:emails))
                """)
                .param("workspace", workspace.value()).param("contacts", contacts.toArray(UUID[]::new))
                .param("phones", phoneIndexes.toArray(byte[][]::new))
                .param("waIds", waIdIndexes.toArray(byte[][]::new)).param("emails", emailIndexes.toArray(byte[][]::new))
                .query((rs, n) -> new Copy(new ContactMerge(rs.getObject("id", UUID.class),
                        new ContactId(rs.getObject("survivor_id", UUID.class)),
                        new ContactId(rs.getObject("absorbed_id", UUID.class)),
                        rs.getTimestamp("merged_at").toInstant(), rs.getTimestamp("undo_until").toInstant()),
                        rs.getBytes("phone"), rs.getBytes("wa_id"), rs.getBytes("name"), rs.getBytes("email")))
                .list();
    }

    /** Merges past their undo window, with the merged contact's copy: across workspaces, by time only. */
    int deleteExpired(Instant now) {
        return jdbc.sql("delete from contact_merges where undo_until < :now")
                .param("now", Timestamp.from(now)).update();
    }
}

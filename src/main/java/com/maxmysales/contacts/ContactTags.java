package com.maxmysales.contacts;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The workspace's labels on contacts, lower-cased so "VIP" and "vip" are one tag. */
@Repository
class ContactTags {

    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.:-]{0,59}");

    private final JdbcClient jdbc;

    ContactTags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static List<String> normalize(Collection<String> tags) {
        return tags.stream().map(tag -> tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT))
                .filter(tag -> !tag.isEmpty())
                .peek(tag -> {
                    if (!TAG.matcher(tag).matches()) {
                        throw Refusal.invalid("invalid-tag", "Invalid tag",
                                "a tag is 1 to 60 letters, digits, spaces or _ . : -");
                    }
                })
                .distinct().sorted().toList();
    }

    void replace(WorkspaceId workspace, UUID contact, List<String> tags) {
        jdbc.sql("delete from contact_tags where workspace_id = :workspace and contact_id = :contact")
                .param("workspace", workspace.value()).param("contact", contact).update();
        add(workspace, List.of(contact), tags);
    }

    void add(WorkspaceId workspace, Collection<UUID> contacts, List<String> tags) {
        for (var tag : tags) {
            if (contacts.isEmpty()) {
                return;
            }
            jdbc.sql("""
                    insert into contact_tags (workspace_id, contact_id, tag)
                    select :workspace, id, :tag from contacts where workspace_id = :workspace and id in (:contacts)
                    on conflict do nothing
                    """)
                    .param("workspace", workspace.value()).param("tag", tag).param("contacts", contacts)
                    .update();
        }
    }

    void remove(WorkspaceId workspace, Collection<UUID> contacts, List<String> tags) {
        if (contacts.isEmpty() || tags.isEmpty()) {
            return;
        }
        jdbc.sql("delete from contact_tags where workspace_id = :workspace and contact_id in (:contacts) and tag in (:tags)")
                .param("workspace", workspace.value()).param("contacts", contacts).param("tags", tags)
                .update();
    }

    List<String> of(WorkspaceId workspace, UUID contact) {
        return jdbc.sql("select tag from contact_tags where workspace_id = :workspace and contact_id = :contact order by tag")
                .param("workspace", workspace.value()).param("contact", contact)
                .query(String.class).list();
    }

    Map<UUID, List<String>> of(WorkspaceId workspace, Collection<UUID> contacts) {
        var tags = new HashMap<UUID, List<String>>();
        if (contacts.isEmpty()) {
            return tags;
        }
        jdbc.sql("""
                select contact_id, tag from contact_tags
                where workspace_id = :workspace and contact_id in (:contacts) order by tag
                """)
                .param("workspace", workspace.value()).param("contacts", contacts)
                .query((rs, n) -> tags.computeIfAbsent(rs.getObject(1, UUID.class), id -> new java.util.ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        return tags;
    }
}

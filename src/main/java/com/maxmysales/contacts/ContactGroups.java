package com.maxmysales.contacts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.maxmysales.platform.Cursor;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Static lists (contacts put there by hand or API) and dynamic segments (a saved {@link SegmentFilter}):
 * the audiences campaigns send to. Tags, consent, last message and list membership are filtered in SQL;
 * conditions on custom attributes are checked on the decrypted values of the contacts that pass.
 */
@Service
public class ContactGroups {

    private static final int SCAN_PAGES = 20;

    public record Group(UUID id, String name, SegmentFilter filter, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final ContactDirectory directory;
    private final JsonMapper json;
    private final Clock clock;

    ContactGroups(JdbcClient jdbc, ContactDirectory directory, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.json = json;
        this.clock = clock;
    }

    public Group createList(WorkspaceId workspace, String name) {
        var group = new Group(UUID.randomUUID(), name(name), null, clock.instant());
        jdbc.sql("insert into contact_lists (id, workspace_id, name, created_at) values (:id, :workspace, :name, :now)")
                .param("id", group.id()).param("workspace", workspace.value()).param("name", group.name())
                .param("now", Timestamp.from(group.createdAt())).update();
        return group;
    }

    public List<Group> lists(WorkspaceId workspace) {
        return jdbc.sql("select id, name, created_at from contact_lists where workspace_id = :workspace order by created_at")
                .param("workspace", workspace.value())
                .query((rs, n) -> new Group(rs.getObject(1, UUID.class), rs.getString(2), null, rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** Contacts of other workspaces, or that do not exist, are skipped. */
    @Transactional
    public void addToList(WorkspaceId workspace, UUID list, List<ContactId> contacts) {
        requireList(workspace, list);
        if (contacts == null) {
            throw invalid("contactIds is required");
        }
        for (var contact : contacts) {
            jdbc.sql("""
                    insert into contact_list_members (workspace_id, list_id, contact_id, added_at)
                    select :workspace, :list, id, :now from contacts where workspace_id = :workspace and id = :contact
                    on conflict do nothing
                    """)
                    .param("workspace", workspace.value()).param("list", list).param("contact", contact.value())
                    .param("now", Timestamp.from(clock.instant())).update();
        }
    }

    public void removeFromList(WorkspaceId workspace, UUID list, List<ContactId> contacts) {
        requireList(workspace, list);
        if (!contacts.isEmpty()) {
            jdbc.sql("delete from contact_list_members where workspace_id = :workspace and list_id = :list and contact_id in (:contacts)")
                    .param("workspace", workspace.value()).param("list", list)
                    .param("contacts", contacts.stream().map(ContactId::value).toList()).update();
        }
    }

    public Group createSegment(WorkspaceId workspace, String name, SegmentFilter filter) {
        validate(workspace, filter);
        var group = new Group(UUID.randomUUID(), name(name), filter, clock.instant());
        jdbc.sql("""
                insert into contact_segments (id, workspace_id, name, filter, created_at)
                values (:id, :workspace, :name, cast(:filter as jsonb), :now)
                """)
                .param("id", group.id()).param("workspace", workspace.value()).param("name", group.name())
                .param("filter", json.writeValueAsString(filter)).param("now", Timestamp.from(group.createdAt())).update();
        return group;
    }

    public List<Group> segments(WorkspaceId workspace) {
        return jdbc.sql("select id, name, filter, created_at from contact_segments where workspace_id = :workspace order by created_at")
                .param("workspace", workspace.value())
                .query((rs, n) -> new Group(rs.getObject(1, UUID.class), rs.getString(2),
                        json.readValue(rs.getString(3), SegmentFilter.class), rs.getTimestamp(4).toInstant()))
                .list();
    }

    public Group segment(WorkspaceId workspace, UUID id) {
        return segments(workspace).stream().filter(group -> group.id().equals(id)).findFirst()
                .orElseThrow(() -> Refusal.notFound("segment " + id));
    }

    /** The list's members, newest first. */
    public CursorPage<Contact> listMembers(WorkspaceId workspace, UUID list, String cursor, Integer limit) {
        requireList(workspace, list);
        return members(workspace, new SegmentFilter(null, null, null, null, null, null, list, null), cursor, limit);
    }

    /**
     * Contacts matching the filter, newest first: an audience. A page may be short when attribute conditions drop
     * many. Contacts that came only from a lead form are never in one until they grant marketing (P2).
     */
    public CursorPage<Contact> members(WorkspaceId workspace, SegmentFilter filter, String cursor, Integer limit) {
        return scan(workspace, filter, cursor, limit, false).map(AudienceMember::contact);
    }

    /**
     * A contact of an audience as a campaign sees it before sending.
     *
     * @param leadRestricted only a lead form brought them and they have not granted marketing: never sent to (P2)
     */
    public record AudienceMember(Contact contact, boolean leadRestricted) {}

    /**
     * The filter's contacts newest first like {@link #members}, lead-restricted ones included and flagged, so that a
     * campaign can count and record them as excluded rather than lose them silently.
     */
    public CursorPage<AudienceMember> audience(WorkspaceId workspace, SegmentFilter filter, String cursor, Integer limit) {
        return scan(workspace, filter, cursor, limit, true);
    }

    private CursorPage<AudienceMember> scan(WorkspaceId workspace, SegmentFilter filter, String cursor, Integer limit,
            boolean withLeadRestricted) {
        validate(workspace, filter);
        var size = CursorPage.limit(limit);
        var found = new ArrayList<AudienceMember>();
        var after = Cursor.decode(cursor);
        var exhausted = false;
        scan:
        for (int page = 0; page < SCAN_PAGES; page++) {
            var batch = candidates(workspace, filter, after, size, withLeadRestricted);
            // One read for the page's contacts, not one each: an audience of 100,000 is read in pages like this.
            var loaded = directory.getAll(workspace, batch.stream().map(candidate -> new ContactId(candidate.position().id())).toList());
            for (var candidate : batch) {
                after = candidate.position();
                var contact = loaded.get(after.id());
                if (contact == null) {
                    continue; // erased between the two reads
                }
                if (filter.attributes().stream().allMatch(condition -> condition.holds(contact.attributes()))) {
                    found.add(new AudienceMember(contact, candidate.leadRestricted()));
                    if (found.size() == size) {
                        break scan;
                    }
                }
            }
            if (batch.size() < size) {
                exhausted = true;
                break;
            }
        }
        return new CursorPage<>(found, exhausted || after == null ? null : after.encode());
    }

    private record Candidate(Cursor position, boolean leadRestricted) {}

    private List<Candidate> candidates(WorkspaceId workspace, SegmentFilter filter, Cursor after, int limit,
            boolean withLeadRestricted) {
        var from = Cursor.orFirst(after);
        var now = clock.instant();
        var consent = filter.consent();
        return jdbc.sql("""
                select c.id, c.created_at, (""" + ContactRows.LEAD_RESTRICTED + """
                ) as lead_restricted from contacts c
                where c.workspace_id = :workspace and (c.created_at, c.id) < (:at, :id)
                  and (cardinality(cast(:tagsAll as text[])) = 0 or (select count(*) from contact_tags t
                       where t.workspace_id = c.workspace_id and t.contact_id = c.id and t.tag = any(cast(:tagsAll as text[])))
                       = cardinality(cast(:tagsAll as text[])))
                  and (cardinality(cast(:tagsAny as text[])) = 0 or exists (select 1 from contact_tags t
                       where t.workspace_id = c.workspace_id and t.contact_id = c.id and t.tag = any(cast(:tagsAny as text[]))))
                  and not exists (select 1 from contact_tags t
                       where t.workspace_id = c.workspace_id and t.contact_id = c.id and t.tag = any(cast(:tagsNone as text[])))
                  and (cast(:since as timestamptz) is null or c.last_inbound_at >= :since)
                  and (cast(:silentSince as timestamptz) is null or c.last_inbound_at is null or c.last_inbound_at < :silentSince)
                  and (cast(:list as uuid) is null or exists (select 1 from contact_list_members m
                       where m.workspace_id = c.workspace_id and m.list_id = :list and m.contact_id = c.id))
                  and (cast(:purpose as text) is null or coalesce((select e.status from consent_events e
                       where e.workspace_id = c.workspace_id and e.contact_id = c.id and e.purpose = :purpose
                       order by e.recorded_at desc, e.id desc limit 1), 'none') = :state)
                  and (:withLeadRestricted or not (""" + ContactRows.LEAD_RESTRICTED + """
                  ))
                order by c.created_at desc, c.id desc limit :limit
                """)
                .param("workspace", workspace.value()).param("at", Timestamp.from(from.at())).param("id", from.id())
                .param("tagsAll", filter.tagsAll().toArray(String[]::new))
                .param("tagsAny", filter.tagsAny().toArray(String[]::new))
                .param("tagsNone", filter.tagsNone().toArray(String[]::new))
                .param("since", filter.lastInboundWithin() == null ? null : Timestamp.from(now.minus(filter.lastInboundWithin())))
                .param("silentSince", filter.noInboundWithin() == null ? null : Timestamp.from(now.minus(filter.noInboundWithin())))
                .param("list", filter.list()).param("purpose", consent == null ? null : consent.purpose())
                .param("state", consent == null ? null : consent.state()).param("limit", limit)
                .param("withLeadRestricted", withLeadRestricted)
                .query((rs, n) -> new Candidate(new Cursor(rs.getTimestamp(2).toInstant(), rs.getObject(1, UUID.class)),
                        rs.getBoolean(3))).list();
    }

    private void validate(WorkspaceId workspace, SegmentFilter filter) {
        if (filter == null) {
            throw invalid("filter is required");
        }
        if (filter.consent() != null) {
            try {
                Purpose.fromCode(filter.consent().purpose());
            } catch (IllegalArgumentException e) {
                throw invalid("consent." + e.getMessage());
            }
            if (!List.of("granted", "withdrawn", "none").contains(filter.consent().state())) {
                throw invalid("consent.state must be granted, withdrawn or none");
            }
        }
        if (filter.list() != null) {
            requireList(workspace, filter.list());
        }
        for (var condition : filter.attributes()) {
            if (!List.of("eq", "ne", "gt", "gte", "lt", "lte", "contains").contains(condition.op()) || condition.key() == null) {
                throw invalid("each attribute condition needs key, op (eq, ne, gt, gte, lt, lte, contains) and value");
            }
        }
    }

    private void requireList(WorkspaceId workspace, UUID list) {
        var exists = jdbc.sql("select exists (select 1 from contact_lists where workspace_id = :workspace and id = :id)")
                .param("workspace", workspace.value()).param("id", list).query(Boolean.class).single();
        if (!exists) {
            throw Refusal.notFound("list " + list);
        }
    }

    private static String name(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 120) {
            throw invalid("name must be 1 to 120 characters");
        }
        return name.strip();
    }

    private static Refusal invalid(String detail) {
        return Refusal.invalid("invalid-segment", "Invalid list or segment", detail);
    }
}
